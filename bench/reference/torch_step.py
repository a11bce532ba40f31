#!/usr/bin/python3
"""Plain PyTorch eager repeat of `quotelab bench steps`: the same weights, batches and step.

Reads DIR/model.safetensors and DIR/steps.json written by `quotelab bench steps --out DIR`,
builds Hugging Face's BertForSequenceClassification from torch.nn (transformers is not needed)
and times forward, cross-entropy, backward, gradient clipping and torch.optim.AdamW per batch,
in the order QuoteLab ran them. Prints one JSON object.
"""
import argparse
import json
import math
import struct
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    body = bytearray(data[8 + n:])
    out = {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        assert t["dtype"] == "F32", (name, t["dtype"])
        begin, end = t["data_offsets"]
        out[name] = torch.frombuffer(body, dtype=torch.float32, count=(end - begin) // 4,
                                     offset=begin).reshape(t["shape"]).clone()
    return out


class SelfAttention(nn.Module):
    def __init__(self, c):
        super().__init__()
        h = c["hidden_size"]
        self.heads = c["num_attention_heads"]
        self.query, self.key, self.value = nn.Linear(h, h), nn.Linear(h, h), nn.Linear(h, h)
        self.dropout = nn.Dropout(c["attention_probs_dropout_prob"])

    def forward(self, x, mask):
        b, t, h = x.shape
        d = h // self.heads
        split = lambda y: y.view(b, t, self.heads, d).transpose(1, 2)
        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(d) + mask
        ctx = self.dropout(scores.softmax(-1)) @ v
        return ctx.transpose(1, 2).reshape(b, t, h)


class Output(nn.Module):
    def __init__(self, c, n_in):
        super().__init__()
        self.dense = nn.Linear(n_in, c["hidden_size"])
        self.LayerNorm = nn.LayerNorm(c["hidden_size"], eps=c.get("layer_norm_eps", 1e-12))
        self.dropout = nn.Dropout(c["hidden_dropout_prob"])

    def forward(self, y, residual):
        return self.LayerNorm(self.dropout(self.dense(y)) + residual)


class Attention(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.self = SelfAttention(c)
        self.output = Output(c, c["hidden_size"])

    def forward(self, x, mask):
        return self.output(self.self(x, mask), x)


class Intermediate(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.dense = nn.Linear(c["hidden_size"], c["intermediate_size"])

    def forward(self, x):
        return F.gelu(self.dense(x))


class Layer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.attention = Attention(c)
        self.intermediate = Intermediate(c)
        self.output = Output(c, c["intermediate_size"])

    def forward(self, x, mask):
        a = self.attention(x, mask)
        return self.output(self.intermediate(a), a)


class Embeddings(nn.Module):
    def __init__(self, c):
        super().__init__()
        h = c["hidden_size"]
        self.word_embeddings = nn.Embedding(c["vocab_size"], h)
        self.position_embeddings = nn.Embedding(c["max_position_embeddings"], h)
        self.token_type_embeddings = nn.Embedding(c["type_vocab_size"], h)
        self.LayerNorm = nn.LayerNorm(h, eps=c.get("layer_norm_eps", 1e-12))
        self.dropout = nn.Dropout(c["hidden_dropout_prob"])

    def forward(self, ids, types):
        pos = torch.arange(ids.shape[1]).unsqueeze(0)
        e = self.word_embeddings(ids) + self.position_embeddings(pos) + self.token_type_embeddings(types)
        return self.dropout(self.LayerNorm(e))


class Encoder(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.layer = nn.ModuleList([Layer(c) for _ in range(c["num_hidden_layers"])])


class Pooler(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.dense = nn.Linear(c["hidden_size"], c["hidden_size"])


class Bert(nn.Module):
    def __init__(self, c, pooler):
        super().__init__()
        self.embeddings = Embeddings(c)
        self.encoder = Encoder(c)
        self.pooler = Pooler(c) if pooler else None


class Classifier(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.cls_pooler = c["cls_pooler"]
        self.bert = Bert(c, self.cls_pooler)
        self.dropout = nn.Dropout(c["hidden_dropout_prob"])
        self.classifier = nn.Linear(c["hidden_size"], c["num_labels"])

    def forward(self, ids, mask, types):
        additive = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
        x = self.bert.embeddings(ids, types)
        for layer in self.bert.encoder.layer:
            x = layer(x, additive)
        if self.cls_pooler:
            pooled = torch.tanh(self.bert.pooler.dense(x[:, 0]))
        else:
            m = mask.unsqueeze(-1).float()
            pooled = (x * m).sum(1) / m.sum(1).clamp(min=1e-9)
        return self.classifier(self.dropout(pooled))


def blas():
    """The BLAS library this process mapped: Debian's reference libblas is about 10x slower than OpenBLAS."""
    try:
        with open("/proc/self/maps") as f:
            libs = {line.split()[-1] for line in f if "blas" in line.split()[-1]}
        return ",".join(sorted(libs))
    except OSError:
        return "unknown"


def tensors(batch):
    ids = batch["input_ids"]
    width = max(len(r) for r in ids)
    padded = [r + [0] * (width - len(r)) for r in ids]
    mask = [[1] * len(r) + [0] * (width - len(r)) for r in ids]
    return (torch.tensor(padded), torch.tensor(mask), torch.zeros(len(ids), width, dtype=torch.long),
            torch.tensor(batch["labels"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--warmup-steps", type=int, default=3)
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(42)
    spec = json.load(open(f"{a.dir}/steps.json"))
    model = Classifier(spec["config"])
    model.load_state_dict(read_safetensors(f"{a.dir}/model.safetensors"), strict=True)
    model.train()
    o = spec["optimizer"]
    no_decay = lambda n: n.endswith(".bias") or "LayerNorm" in n
    groups = [{"params": [p for n, p in model.named_parameters() if not no_decay(n)], "weight_decay": o["weight_decay"]},
              {"params": [p for n, p in model.named_parameters() if no_decay(n)], "weight_decay": 0.0}]
    opt = torch.optim.AdamW(groups, lr=o["lr"], betas=tuple(o["betas"]), eps=o["eps"])
    batches = spec["batches"]
    started = None
    losses = []
    for i in range(a.warmup_steps + a.steps):
        if i == a.warmup_steps:
            started = time.perf_counter()
        ids, mask, types, labels = tensors(batches[i % len(batches)])
        loss = F.cross_entropy(model(ids, mask, types), labels)
        loss.backward()
        if o["max_grad_norm"] > 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), o["max_grad_norm"])
        opt.step()
        opt.zero_grad(set_to_none=False)
        losses.append(round(loss.item(), 6))
    seconds = time.perf_counter() - started
    json.dump({"pytorch_ms_per_step": round(seconds * 1000 / a.steps, 1), "steps": a.steps,
               "threads": torch.get_num_threads(), "torch": torch.__version__, "blas": blas(),
               "first_loss": round(losses[0], 4), "losses": losses}, sys.stdout, separators=(",", ":"))
    print()


if __name__ == "__main__":
    main()
