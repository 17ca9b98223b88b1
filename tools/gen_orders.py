#!/usr/bin/env python3
"""Generates an Online-Retail-shaped order-lines CSV, deterministically (same seed, same bytes).

Usage: python3 tools/gen_orders.py [LINES] [OUT] [--seed N]
  default: 1,000,000 lines to target/bench/orders_1m.csv (about 80 MB), seed 42.

Columns as in UCI Online Retail: InvoiceNo,StockCode,Description,Quantity,InvoiceDate,
UnitPrice,CustomerID,Country. About 2% of invoices are cancellations (`C` prefix, negative
quantities), about 25% of lines have no CustomerID, some descriptions are blank, invoices
average 21 lines (1M lines -> about 47,600 invoices, like the issue's benchmark file).
"""
import argparse
import os
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("lines", nargs="?", type=int, default=1_000_000)
    ap.add_argument("out", nargs="?", default="target/bench/orders_1m.csv")
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    adjectives = ["WHITE", "RED", "BLUE", "PINK", "VINTAGE", "SMALL", "LARGE", "JUMBO", "HEART",
                  "REGENCY", "RETRO", "GLASS", "WOODEN", "FELT", "PAPER", "METAL", "CERAMIC", "GREEN"]
    nouns = ["T-LIGHT HOLDER", "LANTERN", "CAKESTAND", "BAG", "MUG", "CANDLE", "BUNTING", "CLOCK",
             "TEACUP AND SAUCER", "DOORMAT", "LUNCH BOX", "NAPKINS", "PHOTO FRAME", "SIGN", "BOWL"]
    extras = ["", " SET OF 3", " WITH LID", " DESIGN", " 12 PIECE", ", ASSORTED"]
    products = []
    for i in range(3800):
        name = f"{rng.choice(adjectives)} {rng.choice(adjectives)} {rng.choice(nouns)}{rng.choice(extras)}"
        code = f"{20000 + i * 7 % 80000}{rng.choice(['', '', '', 'A', 'B'])}"
        products.append((code, name, round(rng.choice([0.42, 0.85, 1.25, 1.65, 2.1, 2.55, 3.39, 4.95, 7.95, 12.75]) * rng.uniform(0.8, 1.2), 2)))
    countries = ["United Kingdom"] * 9 + ["France", "Germany", "EIRE", "Spain", "Netherlands", "中国"]
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    written = 0
    invoice = 536365
    minute = 0
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n")
        while written < a.lines:
            invoice += 1
            minute += rng.randint(1, 30)
            day, mins = divmod(minute // 60 % (24 * 365), 24)
            month = 1 + day // 31 % 12
            dom = 1 + day % 28
            date = f"{month}/{dom}/2011 {8 + mins % 12}:{minute % 60:02d}"
            cancelled = rng.random() < 0.02
            inv = f"C{invoice}" if cancelled else str(invoice)
            customer = "" if rng.random() < 0.25 else str(rng.randint(12346, 18287))
            country = rng.choice(countries)
            n = min(max(1, int(rng.expovariate(1 / 21))), a.lines - written)
            for _ in range(n):
                code, name, price = products[min(int(rng.paretovariate(1.2)) - 1, len(products) - 1) if rng.random() < 0.3 else rng.randrange(len(products))]
                qty = rng.choice([1, 1, 2, 3, 4, 6, 6, 12, 12, 24, 48])
                if cancelled:
                    qty = -qty
                desc = "" if rng.random() < 0.003 else (f'"{name}"' if "," in name else name)
                f.write(f"{inv},{code},{desc},{qty},{date},{price},{customer},{country}\n")
                written += 1
    print(f"wrote {written} lines to {a.out} ({os.path.getsize(a.out) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
