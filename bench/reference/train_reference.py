#!/usr/bin/python3
"""Plain PyTorch fine-tune of the bundled MiniLM with the reference recipe, on QuoteLab's own tokens.

Reads DIR written by `quotelab bench tokens --data CSV --out DIR`: model.safetensors (the
pretrained encoder under Hugging Face names), config.json and rows.jsonl (token ids, label and
group of every row). Trains on the rows of --train-groups, scores the rows of --test-groups and
prints one JSON object: accuracy and the out-of-topic (label 0) precision, recall and F1.

The recipe (defaults): mean pooling, a linear head, dropout 0.1, AdamW lr 5e-5 with weight decay
0.01 (not on biases and LayerNorms), 10 % linear warm-up then linear decay (Hugging Face's
get_linear_schedule_with_warmup), batch 16, 3 epochs, Hugging Face's LengthGroupedSampler,
gradient clipping at 1.0, every training row, the last epoch kept. The options switch one
detail at a time to QuoteLab's way or to another plain-loop habit, to see which ones matter.
"""
import argparse
import json
import math
import os
import random
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_step import Classifier, blas, read_safetensors  # noqa: E402


def hf_length_grouped(lengths, batch_size, generator=None):
    """transformers.trainer_pt_utils.get_length_grouped_indices: megabatches of up to 50 batches
    from a random permutation, each sorted longest first, the longest batch of all moved first."""
    mult = min(len(lengths) // (batch_size * 4), 50) or 1
    indices = torch.randperm(len(lengths), generator=generator).tolist()
    size = mult * batch_size
    megas = [sorted(indices[i:i + size], key=lambda j: lengths[j], reverse=True)
             for i in range(0, len(indices), size)]
    maxima = [lengths[m[0]] for m in megas]
    k = maxima.index(max(maxima))
    megas[0][0], megas[k][0] = megas[k][0], megas[0][0]
    flat = [i for m in megas for i in m]
    return [flat[i:i + batch_size] for i in range(0, len(flat), batch_size)]


def quotelab_length_grouped(lengths, batch_size, rng):
    """ml.text.BatchPlanner: shuffle, sort pools of 50 batches shortest first, cut, shuffle the batches."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pool = batch_size * 50
    for s in range(0, len(order), pool):
        order[s:s + pool] = sorted(order[s:s + pool], key=lambda j: lengths[j])
    batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    rng.shuffle(batches)
    return batches


def plain_batches(n, batch_size):
    order = torch.randperm(n).tolist()
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


def lr_at(step, peak, warmup, total, style):
    """Hugging Face: step/warmup during warm-up (the first step at 0); QuoteLab: (step + 1)/warmup."""
    if step < warmup:
        return peak * ((step + 1) if style == "quotelab" else step) / max(1, warmup)
    return peak * max(0.0, (total - step) / max(1, total - warmup))


def tensors(rows):
    width = max(len(r["ids"]) for r in rows)
    ids = torch.tensor([r["ids"] + [0] * (width - len(r["ids"])) for r in rows])
    mask = torch.tensor([[1] * len(r["ids"]) + [0] * (width - len(r["ids"])) for r in rows])
    return ids, mask, torch.zeros_like(ids)


def evaluate(model, rows, label_index):
    model.eval()
    predicted = [None] * len(rows)
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]["ids"]))
    with torch.no_grad():
        for s in range(0, len(order), 64):
            part = order[s:s + 64]
            logits = model(*tensors([rows[i] for i in part]))
            for i, p in zip(part, logits.argmax(-1).tolist()):
                predicted[i] = p
    truth = [label_index[r["label"]] for r in rows]
    neg = label_index["0"]
    tp = sum(1 for t, p in zip(truth, predicted) if t == neg and p == neg)
    fp = sum(1 for t, p in zip(truth, predicted) if t != neg and p == neg)
    fn = sum(1 for t, p in zip(truth, predicted) if t == neg and p != neg)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(1 for t, p in zip(truth, predicted) if t == p) / len(rows)
    return {"accuracy": round(accuracy, 4), "out_of_topic_f1": round(f1, 4),
            "out_of_topic_precision": round(precision, 4), "out_of_topic_recall": round(recall, 4),
            "n_test": len(rows), "n_out_of_topic": tp + fn}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--train-groups", default="se15_train")
    ap.add_argument("--test-groups", default="se15_test")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--warmup", type=float, default=0.1)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--max-grad-norm", type=float, default=1.0, help="0: no clipping")
    ap.add_argument("--head-init", choices=["hf", "torch"], default="hf",
                    help="hf: normal(0, 0.02) and bias 0 (QuoteLab); torch: nn.Linear's own uniform")
    ap.add_argument("--decay", choices=["hf", "all"], default="hf",
                    help="hf: no weight decay on biases and LayerNorms (QuoteLab); all: every parameter")
    ap.add_argument("--batches", choices=["hf", "quotelab", "shuffled"], default="hf",
                    help="hf: LengthGroupedSampler; quotelab: BatchPlanner; shuffled: no length grouping")
    ap.add_argument("--warmup-style", choices=["hf", "quotelab"], default="hf")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    rng = random.Random(a.seed)

    config = json.load(open(os.path.join(a.dir, "config.json")))
    rows = [json.loads(line) for line in open(os.path.join(a.dir, "rows.jsonl"))]
    train_groups, test_groups = set(a.train_groups.split(",")), set(a.test_groups.split(","))
    train = [r for r in rows if r["group"] in train_groups]
    test = [r for r in rows if r["group"] in test_groups]
    labels = sorted({r["label"] for r in train})
    label_index = {v: i for i, v in enumerate(labels)}
    if not train or not test or "0" not in label_index:
        sys.exit(f"no training or test rows, or no label 0: {len(train)} train, {len(test)} test, labels {labels}")

    config = dict(config, cls_pooler=False, num_labels=len(labels),
                  hidden_dropout_prob=a.dropout, attention_probs_dropout_prob=a.dropout)
    model = Classifier(config)
    weights = {k: v for k, v in read_safetensors(os.path.join(a.dir, "model.safetensors")).items()
               if not k.startswith("classifier.")}
    missing, unexpected = model.load_state_dict(weights, strict=False)
    assert set(missing) == {"classifier.weight", "classifier.bias"} and not unexpected, (missing, unexpected)
    if a.head_init == "hf":
        nn.init.normal_(model.classifier.weight, std=0.02)
        nn.init.zeros_(model.classifier.bias)
    else:
        model.classifier.reset_parameters()

    no_decay = (lambda n: n.endswith(".bias") or "LayerNorm" in n) if a.decay == "hf" else (lambda n: False)
    params = list(model.named_parameters())
    opt = torch.optim.AdamW(
        [{"params": [p for n, p in params if not no_decay(n)], "weight_decay": a.weight_decay},
         {"params": [p for n, p in params if no_decay(n)], "weight_decay": 0.0}],
        lr=a.lr, betas=(0.9, 0.999), eps=1e-8)
    per_epoch = math.ceil(len(train) / a.batch_size)
    total = per_epoch * a.epochs
    warmup = math.ceil(a.warmup * total)
    lengths = [len(r["ids"]) for r in train]
    y = torch.tensor([label_index[r["label"]] for r in train])

    started = time.time()
    step = 0
    losses = []
    for epoch in range(a.epochs):
        model.train()
        if a.batches == "hf":
            plan = hf_length_grouped(lengths, a.batch_size)
        elif a.batches == "quotelab":
            plan = quotelab_length_grouped(lengths, a.batch_size, rng)
        else:
            plan = plain_batches(len(train), a.batch_size)
        epoch_loss = 0.0
        for batch in plan:
            for g in opt.param_groups:
                g["lr"] = lr_at(step, a.lr, warmup, total, a.warmup_style)
            loss = F.cross_entropy(model(*tensors([train[i] for i in batch])), y[batch])
            loss.backward()
            if a.max_grad_norm > 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), a.max_grad_norm)
            opt.step()
            opt.zero_grad()
            epoch_loss += loss.item()
            step += 1
        losses.append(round(epoch_loss / len(plan), 4))
        print(f"epoch {epoch + 1}/{a.epochs} loss {losses[-1]} ({time.time() - started:.0f} s)", file=sys.stderr)

    result = {"seed": a.seed, "train_groups": a.train_groups, "test_groups": a.test_groups,
              "n_train": len(train), **evaluate(model, test, label_index), "epoch_losses": losses,
              "steps": step, "warmup_steps": warmup, "seconds": round(time.time() - started, 1),
              "options": {k: getattr(a, k) for k in ("lr", "weight_decay", "warmup", "dropout", "max_grad_norm",
                                                     "head_init", "decay", "batches", "warmup_style",
                                                     "epochs", "batch_size")},
              "threads": torch.get_num_threads(), "torch": torch.__version__, "blas": blas()}
    json.dump(result, sys.stdout, separators=(",", ":"))
    print()


if __name__ == "__main__":
    main()
