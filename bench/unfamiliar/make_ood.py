#!/usr/bin/python3
"""Builds a set of English sentences unrelated to reviews from text that ships with Debian:
licence texts, package READMEs and the Python standard library's docstrings. Writes a CSV with
one column, quote_text, for `quotelab bench unfamiliar --unrelated`. Nothing of it belongs in the
repository: write it to /tmp.

usage: make_ood.py OUT.csv [--max N] [--seed S]
"""
import argparse, ast, csv, glob, gzip, os, random, re, sys

SENTENCE = re.compile(r'(?<=[.!?])\s+(?=[A-Z"(])')


def read(path):
    opener = gzip.open if path.endswith('.gz') else open
    try:
        with opener(path, 'rt', encoding='utf-8', errors='replace') as f:
            return f.read(200_000)
    except (OSError, EOFError):
        return ''


def docstrings(path):
    try:
        tree = ast.parse(read(path))
    except (SyntaxError, ValueError):
        return []
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            d = ast.get_docstring(node)
            if d:
                out.append(d)
    return out


def sentences(text):
    # paragraphs first, so headings and list items do not run into each other
    for para in re.split(r'\n\s*\n', text):
        flat = ' '.join(para.split())
        for s in SENTENCE.split(flat):
            words = s.split()
            if not 5 <= len(words) <= 40:
                continue
            letters = sum(c.isalpha() or c.isspace() for c in s)
            if letters < 0.85 * len(s) or not s[0].isupper() or not s.rstrip()[-1] in '.!?':
                continue  # code, tables, paths, headings
            yield s.strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--max', type=int, default=3000)
    ap.add_argument('--seed', type=int, default=42)
    a = ap.parse_args()
    sources = {'licence': [], 'readme': [], 'docstring': []}
    for p in sorted(glob.glob('/usr/share/common-licenses/*')):
        if os.path.isfile(p):
            sources['licence'] += sentences(read(p))
    for p in sorted(glob.glob('/usr/share/doc/**/README*', recursive=True)):
        sources['readme'] += sentences(read(p))
    lib = sorted(glob.glob('/usr/lib/python3*/'))[:1]
    for p in sorted(glob.glob(lib[0] + '*.py')) if lib else []:
        for d in docstrings(p):
            sources['docstring'] += sentences(d)
    rng = random.Random(a.seed)
    seen, rows = set(), []
    per = a.max // len(sources)
    for name, items in sources.items():
        unique = [s for s in dict.fromkeys(items) if s.lower() not in seen]
        rng.shuffle(unique)
        for s in unique[:per]:
            seen.add(s.lower())
            rows.append((s, name))
    with open(a.out, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f)
        w.writerow(['quote_text', 'source'])
        w.writerows(rows)
    counts = {k: sum(1 for _, n in rows if n == k) for k in sources}
    print(f'wrote {len(rows)} sentences to {a.out}: {counts}', file=sys.stderr)


if __name__ == '__main__':
    main()
