#!/usr/bin/env python3
"""Writes a retail.dat-like basket file (FIMI format: one basket per line, item numbers
separated by spaces), deterministically: the same seed gives the same bytes.

The real retail.dat (Brijs et al. 1999, a Belgian supermarket: 88,162 baskets, 16,470
items, mean basket 10.3 items) is not available here, so the basket benchmarks use this
stand-in with the same shape: 88,162 baskets, 16,470 item numbers, item popularity
Zipf-like (the k-th most popular item drawn with weight 1 / (k + 2)^1.05), basket sizes
with a mean of about 10 and a long tail, and co-purchase structure (about a third of the
baskets also hold one of 3,000 small "bundles" whose items are drawn with the same
popularity), so that there are frequent pairs and triples beyond chance. Item numbers are
shuffled so that the number says nothing about popularity, as in the real file.

Usage: python3 tools/gen_retail.py [OUT] [--seed N] [--baskets N] [--items N]
  default: target/bench/retail_like.dat, seed 7 (about 4 MB).
"""
import argparse
import bisect
import itertools
import os
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default="target/bench/retail_like.dat")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--baskets", type=int, default=88_162)
    ap.add_argument("--items", type=int, default=16_470)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    weights = [1.0 / (k + 2) ** 1.05 for k in range(a.items)]
    cum = list(itertools.accumulate(weights))
    total = cum[-1]
    numbers = list(range(a.items))
    rng.shuffle(numbers)

    def draw():
        return numbers[min(bisect.bisect_left(cum, rng.random() * total), a.items - 1)]

    bundles = []
    for _ in range(3000):
        size = rng.choice([2, 2, 2, 3, 3, 4, 5])
        bundles.append({draw() for _ in range(size)})
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="ascii", newline="\n") as f:
        for _ in range(a.baskets):
            # Mean about 10 drawn items: geometric-like with a long tail, at least 1.
            size = 1 + int(rng.expovariate(1 / 9.2))
            basket = {draw() for _ in range(size)}
            if rng.random() < 0.35:
                basket |= bundles[min(int(rng.paretovariate(1.2)) - 1, 2999)
                                  if rng.random() < 0.5 else rng.randrange(3000)]
            f.write(" ".join(map(str, sorted(basket))) + " \n")


if __name__ == "__main__":
    main()
