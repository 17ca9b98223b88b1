#!/usr/bin/env python3
"""Write a held-out corpus of merchant exports to ``testdata/heldout/``.

What: forty-six small synthetic files (20-300 rows) in the shapes that real
shops export -- Shopify, WooCommerce, Amazon, eBay, Etsy, Square, Lightspeed
(Vend), Taobao, Tmall, JD, Pinduoduo, WeChat shop, Excel "Unicode text",
GBK CSV, German and French semicolon exports, basket-per-line files, 0/1
basket matrices, customer tables, time series of every frequency, and
TSPLIB/CVRPLIB route files -- crossed with the traps such files carry
(totals rows, trailing blank lines, "sep=;", BOM + CRLF, quoted and
currency-marked numbers, decimal commas, returns, member ids like C1001,
row-number columns, placeholders, an all-empty column).

Why: shoplens's file-understanding module (issue 14) was tuned against its
own corpus (``testdata/understanding/``). This corpus was written without
looking at that corpus or at shoplens's answers, so that
``tools/check_heldout.py`` measures how the module does on files it has
never seen. ``expected.json`` says, for every file, what it *is*: the shape,
the frequency of a time series, the role of each column with one clear
right answer, and personal-data kinds. It is written by hand here, from how
each file is built, never from shoplens's output. Columns whose right role
is arguable are listed under ``debatable`` with the roles that could be
defended; they are reported but not counted.

Standard library only; every file comes from a seeded ``random.Random``, so
the output is the same byte for byte on every run.

Usage: python3 tools/make_heldout_corpus.py [OUT_DIR]
"""

import csv
import datetime as dt
import io
import json
import os
import random
import sys

SEED = 20261207
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "testdata", "heldout")

EXPECTED = {}

# ---------------------------------------------------------------- pools ----

EN_PRODUCTS = [
    ("Organic Cotton Tee - Black / M", "TEE-BLK-M", 24.00),
    ("Organic Cotton Tee - White / L", "TEE-WHT-L", 24.00),
    ("Canvas Tote Bag", "TOTE-01", 18.50),
    ("Ceramic Mug 12oz", "MUG-12", 14.00),
    ("Beeswax Candle, Lavender", "CAN-LAV", 22.00),
    ("Linen Napkins (Set of 4)", "NAP-4", 32.00),
    ("Enamel Pin", "PIN-01", 9.50),
    ("Sticker Pack", "STK-10", 6.00),
    ("Leather Keychain", "KEY-LTH", 12.50),
    ("Wool Beanie - Grey", "BEA-GRY", 28.00),
    ("Recycled Notebook A5", "NB-A5", 11.00),
    ("Bamboo Toothbrush 4-pack", "BTB-4", 15.99),
    ("Cold Brew Coffee 1L", "CB-1L", 13.75),
    ("Gift Card $50", "GC-50", 50.00),
]
CAFE_ITEMS = [
    ("Coffee", "Latte", 4.50), ("Coffee", "Cappuccino", 4.25),
    ("Coffee", "Americano", 3.50), ("Coffee", "Flat White", 4.75),
    ("Tea", "Chai Latte", 4.95), ("Tea", "Green Tea", 3.25),
    ("Bakery", "Croissant", 3.75), ("Bakery", "Blueberry Muffin", 3.95),
    ("Bakery", "Banana Bread", 4.25), ("Food", "Avocado Toast", 9.50),
    ("Food", "Breakfast Burrito", 10.75), ("Retail", "Whole Bean 12oz", 16.00),
]
ZH_PRODUCTS = [
    ("自然堂面霜 50g", 129.00), ("雪花秀滋阴水 150ml", 398.00),
    ("三只松鼠每日坚果 750g", 89.90), ("百草味芒果干 108g", 15.90),
    ("蒙牛纯牛奶 250ml*24盒", 62.00), ("良品铺子猪肉脯 200g", 29.90),
    ("小米充电宝 10000mAh", 99.00), ("南极人纯棉T恤 男款 白色 XL", 39.00),
    ("安踏运动袜 5双装", 35.00), ("晨光中性笔 0.5mm 12支", 18.80),
    ("清风抽纸 3层120抽*24包", 49.90), ("洽洽香瓜子 308g", 13.50),
    ("维达卷纸 4层140g*27卷", 59.90), ("霸王防脱洗发水 400ml", 79.00),
    ("云南白药牙膏 180g", 32.80), ("农夫山泉 550ml*24瓶", 36.00),
]
ZH_SPECS = ["颜色分类:白色", "颜色分类:黑色;尺码:L", "规格:标准装", "口味:原味",
            "净含量:500g", "颜色分类:粉色;尺码:M"]
ZH_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
ZH_GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋",
            "艳", "勇", "杰", "娟", "涛", "明", "超", "秀兰", "霞"]
ZH_PLACES = [
    ("浙江省", "杭州市", "西湖区", "文三路"), ("广东省", "深圳市", "南山区", "科技园南路"),
    ("北京市", "北京市", "朝阳区", "建国路"), ("上海市", "上海市", "浦东新区", "张杨路"),
    ("四川省", "成都市", "武侯区", "人民南路"), ("江苏省", "南京市", "鼓楼区", "中山北路"),
    ("湖北省", "武汉市", "洪山区", "珞喻路"), ("山东省", "青岛市", "市南区", "香港中路"),
]
EN_FIRST = ["Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Ethan",
            "Sophia", "Mason", "Chloe", "Jack", "Grace", "Leo", "Ruby", "Owen"]
EN_LAST = ["Smith", "Johnson", "Brown", "Garcia", "Miller", "Davis", "Wilson",
           "Moore", "Taylor", "Clark", "Lewis", "Walker", "Hall", "Young"]
US_PLACES = [("Portland", "OR", "97205"), ("Austin", "TX", "78701"),
             ("Brooklyn", "NY", "11201"), ("Denver", "CO", "80202"),
             ("Madison", "WI", "53703"), ("Oakland", "CA", "94612"),
             ("Raleigh", "NC", "27601"), ("Boise", "ID", "83702")]
STREETS = ["Main St", "Oak Ave", "Pine St", "Maple Dr", "Cedar Ln", "Elm St",
           "Lake Rd", "Hill St"]
DE_PRODUCTS = [("Kaffeebohnen Espresso 1kg", 18.90), ("Teekanne Glas 1,2l", 34.50),
               ("Müsli Nuss & Frucht 750g", 6.49), ("Olivenöl Extra Vergine 0,5l", 12.95),
               ("Espressomaschine Siebträger", 1234.56), ("Milchaufschäumer", 79.00),
               ("Keramiktasse 300ml", 9.90), ("Entkalker 2x250ml", 7.45)]
FR_PRODUCTS = [("Savon de Marseille 300g", 4.50), ("Huile d'olive 75cl", 11.90),
               ("Confiture d'abricot", 5.20), ("Miel de lavande 250g", 8.75),
               ("Bougie parfumée figue", 19.00), ("Torchon lin", 12.40)]
GROCERY = ["whole milk", "other vegetables", "rolls/buns", "soda", "yogurt",
           "bottled water", "root vegetables", "tropical fruit", "shopping bags",
           "sausage", "pastry", "citrus fruit", "bottled beer", "newspapers",
           "canned beer", "pip fruit", "coffee", "butter", "domestic eggs",
           "brown bread", "frozen vegetables", "chocolate"]


def rng_for(name):
    """A random generator seeded from the corpus seed and the file's name."""
    return random.Random(f"{SEED}:{name}")


def cn_name(r):
    return r.choice(ZH_SURNAMES) + r.choice(ZH_GIVEN)


def cn_phone(r):
    return r.choice(["138", "139", "135", "150", "158", "186", "187", "177", "199"]) + \
        "".join(str(r.randrange(10)) for _ in range(8))


def cn_address(r):
    p, c, d, s = r.choice(ZH_PLACES)
    return f"{p}{c}{d}{s}{r.randint(1, 399)}号{r.randint(1, 30)}栋{r.randint(101, 2605)}室"


def en_name(r):
    return f"{r.choice(EN_FIRST)} {r.choice(EN_LAST)}"


def email_of(name, r):
    first, last = name.lower().split(" ")
    return f"{first}.{last}{r.randint(1, 99)}@{r.choice(['example.com', 'example.net', 'example.org'])}"


def us_phone(r):
    return f"+1 ({r.randint(201, 989)}) 555-{r.randint(100, 199):04d}"


def times(r, start, n, max_gap_minutes=600):
    """n increasing datetimes from start, gaps up to max_gap_minutes."""
    t = start
    out = []
    for _ in range(n):
        t = t + dt.timedelta(minutes=r.randint(5, max_gap_minutes), seconds=r.randint(0, 59))
        out.append(t)
    return out


def money(x):
    return f"{x:.2f}"


def de_money(x):
    """1234.56 -> '1.234,56' (German thousands dot, decimal comma)."""
    s = f"{x:,.2f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


# ---------------------------------------------------------------- output ---

def write_bytes(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def table_text(header, rows, delim=",", crlf=False, quote_all=False):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator="\r\n" if crlf else "\n",
                   quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    if header is not None:
        w.writerow(header)
    for row in rows:
        w.writerow(row)
    return buf.getvalue()


def expect(name, shape, columns=None, roles=None, debatable=None, pii=None,
           pii_debatable=(), frequency=None, note=None, n_rows=None, basket=None):
    """Record what a file is.

    columns: the header in file order (matched to shoplens's columns by
    position). roles: column -> the one right role. debatable: column ->
    roles that could each be defended (reported, not counted). pii: column ->
    kind for personal columns; every other column not in pii_debatable is
    expected to carry no personal-data flag (null). n_rows: the data rows
    (headers, footers, totals and blank lines not counted). For order lines,
    basket (the columns whose values group lines into baskets) defaults to
    the column whose role is order, and the item column is the one whose
    role is item.
    """
    entry = {"shape": shape}
    if n_rows is not None:
        entry["rows"] = n_rows
    if shape == "order_lines":
        by_role = {}
        for col, role in roles.items():
            by_role.setdefault(role, []).append(col)
        entry["basket_columns"] = basket or by_role["order"]
        entry["item_column"] = by_role["item"][0]
        assert len(by_role["item"]) == 1 and (basket or len(by_role["order"]) == 1), name
    if frequency is not None:
        entry["frequency"] = frequency
    if columns is not None:
        entry["columns"] = list(columns)
        roles = roles or {}
        debatable = debatable or {}
        for col in list(roles) + list(debatable):
            assert col in columns, (name, col)
        assert not set(roles) & set(debatable), name
        entry["roles"] = roles
        entry["debatable"] = debatable
        full_pii = {}
        for col in columns:
            if col in pii_debatable:
                continue
            full_pii[col] = (pii or {}).get(col)
        for col in (pii or {}):
            assert col in columns, (name, col)
        entry["pii"] = full_pii
        entry["pii_debatable"] = list(pii_debatable)
    if note:
        entry["note"] = note
    EXPECTED[name] = entry


# ------------------------------------------------------------ order lines --

def shopify_orders():
    name = "shopify_orders_export.csv"
    r = rng_for(name)
    header = ["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status",
              "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Code",
              "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price",
              "Lineitem sku", "Billing Name", "Billing City", "Billing Phone", "Vendor"]
    rows = []
    start = dt.datetime(2023, 3, 1, 8, 0)
    order_no = 1001
    for t in times(r, start, 45, 900):
        buyer = en_name(r)
        mail = email_of(buyer, r)
        offset = r.choice(["-0400", "-0500", "-0700", "+0100"])
        created = t.strftime("%Y-%m-%d %H:%M:%S ") + offset
        paid = (t + dt.timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M:%S ") + offset
        lines = r.sample(EN_PRODUCTS, r.choice([1, 1, 2, 3]))
        qtys = [r.choice([1, 1, 1, 2, 3]) for _ in lines]
        sub = sum(p[2] * q for p, q in zip(lines, qtys))
        ship = r.choice([0.0, 5.0, 7.5])
        tax = round(sub * 0.08, 2)
        status = r.choice(["paid", "paid", "paid", "refunded", "partially_refunded"])
        for i, (p, q) in enumerate(zip(lines, qtys)):
            first = i == 0
            rows.append([
                f"#{order_no}", mail,
                status if first else "", paid if first else "",
                r.choice(["fulfilled", "unfulfilled"]) if first else "",
                "USD" if first else "",
                money(sub) if first else "", money(ship) if first else "",
                money(tax) if first else "", money(sub + ship + tax) if first else "",
                (r.choice(["", "", "", "WELCOME10"]) if first else ""),
                created, q, p[0], money(p[2]), p[1],
                buyer if first else "",
                r.choice(US_PLACES)[0] if first else "",
                us_phone(r) if first else "",
                "Acme Goods",
            ])
        order_no += 1
    write_bytes(name, table_text(header, rows).encode())
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"Name": "order", "Paid at": "date", "Created at": "date",
                  "Subtotal": "amount", "Shipping": "amount", "Taxes": "amount",
                  "Total": "amount", "Lineitem quantity": "quantity",
                  "Lineitem name": "item", "Lineitem price": "price",
                  "Financial Status": "category", "Fulfillment Status": "category"},
           debatable={"Email": ["customer", "text"],
                      "Lineitem sku": ["item", "category", "identifier"],
                      "Billing Name": ["customer", "text"],
                      "Billing City": ["category", "text"],
                      "Currency": ["category", "feature"],
                      "Vendor": ["category", "feature"],
                      "Discount Code": ["category", "text"]},
           pii={"Email": "email", "Billing Name": "name", "Billing Phone": "phone"},
           pii_debatable=["Billing City"],
           note="Shopify repeats Name/Email/Created at on every line of an order "
                "and leaves the order-level fields empty after the first line.")


def woocommerce_orders():
    name = "woocommerce_orders.csv"
    r = rng_for(name)
    header = ["Order Number", "Order Status", "Order Date", "Customer Note",
              "First Name (Billing)", "Last Name (Billing)", "Email (Billing)",
              "Phone (Billing)", "Address 1&2 (Billing)", "City (Billing)",
              "Payment Method Title", "Cart Discount Amount", "Order Shipping Amount",
              "Order Total Amount", "SKU", "Item #", "Item Name", "Quantity (- Refund)",
              "Item Cost"]
    notes = ["", "", "", "", "Please leave the parcel at the back door, thanks!",
             "Gift - no invoice in the box please", "Can you ship before Friday?"]
    rows = []
    order = 4817
    item_no = 1
    for t in times(r, dt.datetime(2023, 6, 1, 9), 40, 1200):
        first, last = r.choice(EN_FIRST), r.choice(EN_LAST)
        mail = email_of(f"{first} {last}", r)
        city, _, _ = r.choice(US_PLACES)
        addr = f"{r.randint(10, 9999)} {r.choice(STREETS)}"
        lines = r.sample(EN_PRODUCTS, r.choice([1, 2, 2, 3]))
        qtys = [r.choice([1, 1, 2]) for _ in lines]
        total = sum(p[2] * q for p, q in zip(lines, qtys))
        disc = r.choice([0, 0, 5])
        shipc = r.choice([0, 4.95])
        status = r.choice(["wc-completed", "wc-completed", "wc-processing", "wc-refunded"])
        note = r.choice(notes)
        pay = r.choice(["Credit Card (Stripe)", "PayPal", "Direct bank transfer"])
        phone = f"({r.randint(201, 989)}) 555-{r.randint(100, 199):04d}"
        for p, q in zip(lines, qtys):
            rows.append([order, status, t.strftime("%Y-%m-%d %H:%M"), note, first, last,
                         mail, phone, addr, city, pay, money(disc), money(shipc),
                         money(total - disc + shipc), p[1], item_no, p[0], q, money(p[2])])
            item_no += 1
        order += r.randint(1, 3)
    write_bytes(name, table_text(header, rows).encode())
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"Order Number": "order", "Order Status": "category",
                  "Order Date": "date", "Customer Note": "text",
                  "Cart Discount Amount": "amount", "Order Shipping Amount": "amount",
                  "Order Total Amount": "amount", "Item Name": "item",
                  "Quantity (- Refund)": "quantity", "Item Cost": "price",
                  "Item #": "identifier", "Payment Method Title": "category"},
           debatable={"Email (Billing)": ["customer", "text"],
                      "SKU": ["item", "category", "identifier"],
                      "City (Billing)": ["category", "text"],
                      "First Name (Billing)": ["customer", "text", "category"],
                      "Last Name (Billing)": ["customer", "text", "category"],
                      "Address 1&2 (Billing)": ["text"],
                      "Phone (Billing)": ["customer", "text"]},
           pii={"First Name (Billing)": "name", "Last Name (Billing)": "name",
                "Email (Billing)": "email", "Phone (Billing)": "phone",
                "Address 1&2 (Billing)": "address"},
           pii_debatable=["City (Billing)"])


def amazon_orders():
    name = "amazon_all_orders_report.txt"
    r = rng_for(name)
    header = ["amazon-order-id", "merchant-order-id", "purchase-date", "last-updated-date",
              "order-status", "fulfillment-channel", "sales-channel", "product-name", "sku",
              "asin", "item-status", "quantity", "currency", "item-price", "item-tax",
              "shipping-price", "ship-city", "ship-state", "ship-postal-code", "ship-country"]
    rows = []
    for t in times(r, dt.datetime(2023, 8, 1, 0), 50, 400):
        oid = f"{r.randint(111, 114)}-{r.randint(1000000, 9999999)}-{r.randint(1000000, 9999999)}"
        n = r.choice([1, 1, 1, 2])
        status = r.choice(["Shipped", "Shipped", "Shipped", "Pending", "Cancelled"])
        city, st, zipc = r.choice(US_PLACES)
        for p in r.sample(EN_PRODUCTS, n):
            q = 0 if status == "Cancelled" else r.choice([1, 1, 2])
            price = p[2] * q
            rows.append([oid, "", t.strftime("%Y-%m-%dT%H:%M:%SZ"),
                         (t + dt.timedelta(hours=r.randint(2, 60))).strftime("%Y-%m-%dT%H:%M:%SZ"),
                         status, r.choice(["Amazon", "Merchant"]), "Amazon.com", p[0], p[1],
                         "B0" + "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(8)),
                         status if status != "Pending" else "Unshipped", q,
                         "USD", money(price), money(price * 0.0825), money(r.choice([0, 3.99])),
                         city.upper(), st, zipc, "US"])
    write_bytes(name, table_text(header, rows, delim="\t").encode())
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"amazon-order-id": "order", "purchase-date": "date",
                  "last-updated-date": "date", "order-status": "category",
                  "fulfillment-channel": "category", "product-name": "item",
                  "quantity": "quantity", "item-tax": "amount",
                  "shipping-price": "amount", "item-status": "category"},
           debatable={"item-price": ["amount", "price"],
                      "sku": ["item", "category", "identifier"],
                      "asin": ["item", "category", "identifier"],
                      "merchant-order-id": ["order", "feature", "text"],
                      "ship-city": ["category"], "ship-state": ["category"],
                      "ship-postal-code": ["category", "feature"]},
           pii_debatable=["ship-postal-code", "ship-city"],
           note="Amazon's item-price is the line total (price x quantity). "
                "merchant-order-id is empty in every row.")


def ebay_orders():
    name = "ebay_orders_report.csv"
    r = rng_for(name)
    header = ["Sales Record Number", "Order Number", "Buyer Username", "Buyer Name",
              "Buyer Email", "Buyer Address 1", "Buyer City", "Buyer Zip",
              "Item Number", "Item Title", "Custom Label", "Quantity", "Sold For",
              "Shipping And Handling", "Total Price", "Sale Date", "Paid On Date"]
    items = [(r.randint(100000000000, 399999999999), p) for p in EN_PRODUCTS]
    rows = []
    rec = 5120
    for t in times(r, dt.datetime(2023, 2, 1, 7), 45, 700):
        buyer = en_name(r)
        user = buyer.split()[0].lower() + r.choice(["_shop", "1987", "-deals", "_uk", "77"])
        city, st, zipc = r.choice(US_PLACES)
        onum = f"{r.randint(10, 27)}-{r.randint(10000, 99999)}-{r.randint(10000, 99999)}"
        for num, p in r.sample(items, r.choice([1, 1, 2])):
            q = r.choice([1, 1, 2])
            shipc = r.choice([0.0, 4.5])
            rows.append([rec, onum, user, buyer, email_of(buyer, r),
                         f"{r.randint(10, 9999)} {r.choice(STREETS)}", city, zipc,
                         num, p[0], p[1], q, f"${p[2]:.2f}", f"${shipc:.2f}",
                         f"${p[2] * q + shipc:.2f}", t.strftime("%b-%d-%y"),
                         (t + dt.timedelta(hours=3)).strftime("%b-%d-%y")])
            rec += 1
    text = "\n" + table_text(header, rows) + \
        f"\n\n{len(rows)} record(s) downloaded,from Feb-01-23 to Apr-30-23\n" \
        "Seller ID : acme_goods_store\n"
    write_bytes(name, text.encode())
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"Sales Record Number": "identifier", "Order Number": "order",
                  "Buyer Username": "customer", "Item Title": "item",
                  "Quantity": "quantity", "Sold For": "price",
                  "Shipping And Handling": "amount", "Total Price": "amount",
                  "Sale Date": "date", "Paid On Date": "date"},
           debatable={"Item Number": ["item", "category", "identifier"],
                      "Custom Label": ["item", "category", "identifier"],
                      "Buyer Name": ["customer", "text"],
                      "Buyer Email": ["customer", "text"],
                      "Buyer Address 1": ["text"], "Buyer City": ["category"],
                      "Buyer Zip": ["category", "feature"]},
           pii={"Buyer Name": "name", "Buyer Email": "email", "Buyer Address 1": "address"},
           pii_debatable=["Buyer City", "Buyer Zip", "Buyer Username"],
           note="eBay's download starts with an empty line and ends with a "
                "'N record(s) downloaded' line and a 'Seller ID' line; dates like Mar-05-23.")


def etsy_sold_items():
    name = "EtsySoldOrderItems2023.csv"
    r = rng_for(name)
    header = ["Sale Date", "Item Name", "Buyer", "Quantity", "Price", "Coupon Code",
              "Discount Amount", "Order Shipping", "Item Total", "Currency",
              "Transaction ID", "Listing ID", "Date Paid", "Ship Name", "Ship Address1",
              "Ship City", "Ship Zipcode", "Order ID", "Variations", "Order Type"]
    handmade = [("Personalized Leather Dog Collar", 34.00), ("Hand-thrown Stoneware Mug", 42.00),
                ("Pressed Flower Phone Case", 26.50), ("Custom Pet Portrait, Digital", 55.00),
                ("Macrame Wall Hanging", 68.00), ("Sterling Silver Initial Necklace", 39.00),
                ("Soy Wax Candle - Cedar", 18.00)]
    listings = {p: r.randint(1000000000, 1599999999) for p, _ in handmade}
    rows = []
    tid = 3012345678
    oid = 2890001234
    for t in times(r, dt.datetime(2023, 1, 3, 9), 40, 1800):
        buyer = en_name(r)
        user = buyer.split()[0].lower() + str(r.randint(10, 9999))
        city, st, zipc = r.choice(US_PLACES)
        coupon = r.choice(["", "", "", "SPRING15"])
        for p, price in r.sample(handmade, r.choice([1, 1, 2])):
            q = r.choice([1, 1, 2])
            var = r.choice(["", "Color:Black,Size:Medium", "Personalization:BELLA",
                            "Style:Matte"])
            rows.append([t.strftime("%m/%d/%y"), p, user, q, money(price), coupon,
                         money(price * q * 0.15 if coupon else 0), money(r.choice([0, 5.25])),
                         money(price * q), "USD", tid, listings[p],
                         t.strftime("%m/%d/%y"), buyer,
                         f"{r.randint(10, 9999)} {r.choice(STREETS)}", city, zipc, oid,
                         var, "online"])
            tid += r.randint(1, 40)
        oid += r.randint(1, 9)
    write_bytes(name, table_text(header, rows).encode())
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"Sale Date": "date", "Date Paid": "date", "Item Name": "item",
                  "Buyer": "customer", "Quantity": "quantity", "Price": "price",
                  "Item Total": "amount", "Discount Amount": "amount",
                  "Order Shipping": "amount", "Transaction ID": "identifier",
                  "Order ID": "order"},
           debatable={"Listing ID": ["item", "category", "identifier"],
                      "Coupon Code": ["category", "text"],
                      "Currency": ["category", "feature"],
                      "Order Type": ["category", "feature"],
                      "Ship Name": ["customer", "text"], "Ship Address1": ["text"],
                      "Ship City": ["category"], "Ship Zipcode": ["category", "feature"],
                      "Variations": ["text", "category"]},
           pii={"Ship Name": "name", "Ship Address1": "address"},
           pii_debatable=["Ship City", "Ship Zipcode", "Buyer"],
           note="Etsy writes Sale Date as MM/DD/YY.")


def square_items():
    name = "square_items_detail.csv"
    r = rng_for(name)
    header = ["Date", "Time", "Time Zone", "Category", "Item", "Qty", "Price Point Name",
              "Modifiers Applied", "Gross Sales", "Discounts", "Net Sales", "Tax",
              "Transaction ID", "Payment ID", "Device Name", "Event Type", "Location",
              "Customer ID", "Customer Name"]
    rows = []
    alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    known = [(f"{r.choice(EN_FIRST)} {r.choice(EN_LAST)}",
              "".join(r.choice("ABCDEFGHJKMNPQRSTVWXYZ0123456789") for _ in range(26)))
             for _ in range(8)]

    def dollars(x):
        return f"-${-x:.2f}" if x < 0 else f"${x:.2f}"

    for t in times(r, dt.datetime(2023, 9, 4, 7), 60, 90):
        txn = "".join(r.choice(alnum) for _ in range(22))
        pay = "".join(r.choice(alnum) for _ in range(22))
        refund = r.random() < 0.08
        cust = r.choice(known) if r.random() < 0.4 else ("", "")
        for cat, item, price in r.sample(CAFE_ITEMS, r.choice([1, 1, 2, 3])):
            q = -1 if refund else r.choice([1, 1, 1, 2])
            gross = price * q
            disc = -0.5 if (not refund and r.random() < 0.1) else 0.0
            rows.append([t.strftime("%Y-%m-%d"), t.strftime("%H:%M:%S"),
                         "Pacific Time (US & Canada)", cat, item, q,
                         r.choice(["Regular", "Regular", "Large"]),
                         r.choice(["", "", "Oat Milk", "Extra Shot"]) if cat == "Coffee" else "",
                         dollars(gross), dollars(disc), dollars(gross + disc),
                         dollars(round((gross + disc) * 0.09, 2)), txn, pay,
                         r.choice(["Counter 1", "Counter 2"]),
                         "Refund" if refund else "Payment", "Mission St Cafe",
                         cust[1], cust[0]])
    write_bytes(name, table_text(header, rows).encode())
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"Date": "date", "Category": "category", "Item": "item",
                  "Qty": "quantity", "Gross Sales": "amount", "Discounts": "amount",
                  "Net Sales": "amount", "Tax": "amount", "Transaction ID": "order",
                  "Event Type": "category", "Customer ID": "customer",
                  "Device Name": "category"},
           debatable={"Time": ["date", "feature", "text"],
                      "Time Zone": ["category", "feature"],
                      "Price Point Name": ["category"],
                      "Modifiers Applied": ["category", "text"],
                      "Payment ID": ["order", "identifier"],
                      "Location": ["category", "feature"],
                      "Customer Name": ["customer", "text"]},
           pii={"Customer Name": "name"},
           note="Refund lines have Qty -1 and amounts like -$4.50; Customer ID is "
                "empty for most walk-in sales.")


def vend_sales():
    name = "lightspeed_vend_sales_history.csv"
    r = rng_for(name)
    header = ["Date", "Receipt Number", "Customer Code", "Customer Name", "Outlet",
              "Register", "User", "Product", "SKU", "Quantity", "Price", "Discount",
              "Sales Tax", "Total", "Sale Status", "Note"]
    customers = [(f"C{1001 + i}", en_name(r)) for i in range(12)]
    products = [("Trail Running Shoe 42", "10043", 149.95), ("Merino Socks", "10071", 24.95),
                ("Hydration Vest 5L", "10112", 119.00), ("Energy Gel (box of 24)", "10204", 59.90),
                ("Headlamp 400lm", "10311", 64.50), ("Buff Neck Gaiter", "10090", 29.00),
                ("Insoles Pro", "10150", 49.95)]
    rows = []
    receipt = 20451
    for t in times(r, dt.datetime(2023, 10, 2, 9), 45, 240):
        code, cname = r.choice(customers) if r.random() < 0.7 else ("", "")
        status = r.choice(["CLOSED", "CLOSED", "CLOSED", "VOIDED"])
        for p, sku, price in r.sample(products, r.choice([1, 1, 2])):
            q = r.choice([1, 1, 2])
            disc = r.choice([0, 0, 0, 10])
            total = price * q - disc
            rows.append([t.strftime("%Y-%m-%d %H:%M:%S"), receipt, code, cname,
                         "Wellington CBD", r.choice(["Main Register", "Register 2"]),
                         r.choice(["sam", "aroha", "mike"]), p, sku, q, money(price),
                         money(disc), money(total * 0.15 / 1.15), money(total), status,
                         r.choice(["", "", "", "price match", "staff purchase"])])
        receipt += 1
    write_bytes(name, table_text(header, rows).encode())
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"Date": "date", "Receipt Number": "order", "Customer Code": "customer",
                  "Product": "item", "Quantity": "quantity", "Price": "price",
                  "Discount": "amount", "Sales Tax": "amount", "Total": "amount",
                  "Sale Status": "category", "Register": "category"},
           debatable={"Customer Name": ["customer", "text"],
                      "Outlet": ["category", "feature"], "User": ["category"],
                      "SKU": ["item", "category", "identifier"],
                      "Note": ["text", "category"]},
           pii={"Customer Name": "name"},
           note="Customer Code holds member ids C1001.. (not cancellations).")


def taobao_gbk():
    name = "taobao_baobei_gbk.csv"
    r = rng_for(name)
    header = ["订单编号", "标题", "价格", "购买数量", "商品属性", "订单状态", "商家编码",
              "买家会员名", "收货人姓名", "联系手机", "收货地址", "订单创建时间", "实付金额"]
    rows = []
    nick = [f"tb{r.randint(100000, 999999)}_{r.randint(10, 99)}" for _ in range(15)] + \
        ["小鱼儿爱吃糖", "快乐的星星", "晴天娃娃2019"]
    for t in times(r, dt.datetime(2023, 5, 1, 0), 45, 600):
        oid = str(r.randint(10**18, 4 * 10**18))
        buyer = r.choice(nick)
        person = cn_name(r)
        phone = cn_phone(r)
        addr = cn_address(r)
        status = r.choice(["交易成功", "交易成功", "卖家已发货，等待买家确认", "交易关闭"])
        for p, price in r.sample(ZH_PRODUCTS, r.choice([1, 1, 2, 3])):
            q = r.choice([1, 1, 2])
            rows.append([oid, p, money(price), q, r.choice(ZH_SPECS), status,
                         f"SJ{1000 + ZH_PRODUCTS.index((p, price)) * 13}", buyer, person, phone, addr,
                         t.strftime("%Y-%m-%d %H:%M:%S"), money(price * q)])
    write_bytes(name, table_text(header, rows).encode("gbk"))
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"订单编号": "order", "标题": "item", "价格": "price", "购买数量": "quantity",
                  "订单状态": "category", "买家会员名": "customer",
                  "订单创建时间": "date", "实付金额": "amount"},
           debatable={"商品属性": ["category", "text"],
                      "商家编码": ["item", "category", "identifier"],
                      "收货人姓名": ["customer", "text"], "联系手机": ["customer", "text"],
                      "收货地址": ["text"]},
           pii={"收货人姓名": "name", "联系手机": "phone", "收货地址": "address"},
           note="GBK-encoded; 19-digit order numbers.")


def tmall_bom_crlf():
    name = "tmall_orders_bom_crlf.csv"
    r = rng_for(name)
    header = ["主订单编号", "子订单编号", "商品名称", "商品ID", "购买数量", "商品价格", "实付金额",
              "下单时间", "收货人", "联系手机", "收货地址", "订单状态", "买家留言"]
    rows = []
    sub = 3300000000000000000
    ids = {p: r.randint(600000000000, 799999999999) for p, _ in ZH_PRODUCTS}
    for t in times(r, dt.datetime(2023, 5, 1, 0), 45, 500):
        oid = r.randint(3100000000000000000, 3299999999999999999)
        person, phone, addr = cn_name(r), cn_phone(r), cn_address(r)
        note = r.choice(["无", "无", "-", "无", "请尽快发货", "不要放快递柜，谢谢"])
        for p, price in r.sample(ZH_PRODUCTS, r.choice([1, 1, 2])):
            q = r.choice([1, 1, 2, 3])
            sub += r.randint(1, 50000)
            when = f"{t.year}/{t.month}/{t.day} {t.hour:02d}:{t.minute:02d}:{t.second:02d}"
            rows.append([oid, sub, p, ids[p], q, money(price), money(price * q * 0.95), when,
                         person, phone, addr, r.choice(["交易成功", "交易成功", "已发货"]), note])
    write_bytes(name, b"\xef\xbb\xbf" + table_text(header, rows, crlf=True).encode())
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"主订单编号": "order", "子订单编号": "identifier", "商品名称": "item",
                  "购买数量": "quantity", "商品价格": "price", "实付金额": "amount",
                  "下单时间": "date", "订单状态": "category", "买家留言": "text"},
           debatable={"商品ID": ["item", "category", "identifier"],
                      "收货人": ["customer", "text"], "联系手机": ["customer", "text"],
                      "收货地址": ["text"]},
           pii={"收货人": "name", "联系手机": "phone", "收货地址": "address"},
           note="UTF-8 with BOM and CRLF; 下单时间 like 2023/5/1 12:03:44; 买家留言 mostly 无 or -.")


def jd_orders():
    name = "jd_orders_export.csv"
    r = rng_for(name)
    header = ["订单号", "商品编号", "商品名称", "订购数量", "京东价", "订单金额", "应付金额",
              "下单时间", "订单状态", "客户姓名", "客户地址", "联系电话", "订单备注", "支付方式"]
    rows = []
    skus = {p: r.randint(100000000, 100099999999) for p, _ in ZH_PRODUCTS}
    for t in times(r, dt.datetime(2023, 11, 1, 0), 45, 300):
        oid = r.randint(250000000000, 289999999999)
        person = cn_name(r)
        masked = person[0] + "*" * (len(person) - 1)
        ph = cn_phone(r)
        lines = r.sample(ZH_PRODUCTS, r.choice([1, 1, 2]))
        qtys = [r.choice([1, 1, 2]) for _ in lines]
        total = sum(pr * q for (_, pr), q in zip(lines, qtys))
        due = total - r.choice([0, 0, 5, 10])
        status = r.choice(["完成", "完成", "等待出库", "已取消"])
        addr = cn_address(r)[:9] + "****"
        note = r.choice(["", "", "-", "送货前请电话联系"])
        pay = r.choice(["在线支付", "在线支付", "货到付款"])
        for (p, price), q in zip(lines, qtys):
            rows.append([oid, skus[p], p, q, money(price), money(total), money(due),
                         t.strftime("%Y-%m-%d %H:%M:%S"), status, masked, addr,
                         ph[:3] + "****" + ph[7:], note, pay])
    write_bytes(name, table_text(header, rows).encode())
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"订单号": "order", "商品名称": "item", "订购数量": "quantity",
                  "京东价": "price", "订单金额": "amount", "应付金额": "amount",
                  "下单时间": "date", "订单状态": "category", "支付方式": "category"},
           debatable={"商品编号": ["item", "category", "identifier"],
                      "客户姓名": ["customer", "text", "category"], "客户地址": ["text"],
                      "联系电话": ["customer", "text"], "订单备注": ["text", "category"]},
           pii_debatable=["客户姓名", "客户地址", "联系电话"],
           note="JD masks names (王**), addresses and phones (138****5678); whether a "
                "masked column is still personal data is a judgement call.")


def pdd_orders():
    name = "pinduoduo_orders.csv"
    r = rng_for(name)
    header = ["商品", "订单号", "订单状态", "商品总价(元)", "店铺优惠折扣(元)", "用户实付金额(元)",
              "商品数量(件)", "订单成交时间", "商品规格", "收货人", "手机", "省", "市", "区", "街道",
              "商家编码-SKU维度", "商家备注"]
    rows = []
    for t in times(r, dt.datetime(2023, 6, 18, 0), 60, 120):
        p, price = r.choice(ZH_PRODUCTS)
        q = r.choice([1, 1, 1, 2, 3])
        prov, city, dist, street = r.choice(ZH_PLACES)
        disc = r.choice([0, 0, 2, 3])
        rows.append([p, f"{t.strftime('%y%m%d')}-{r.randint(10**14, 10**15 - 1)}",
                     r.choice(["已签收", "已发货，待签收", "待发货"]),
                     money(price * q), money(disc), money(price * q - disc), q,
                     t.strftime("%Y-%m-%d %H:%M:%S"), r.choice(ZH_SPECS), cn_name(r),
                     cn_phone(r), prov, city, dist, f"{street}{r.randint(1, 300)}号",
                     f"PDD-{r.randint(100, 999)}", ""])
    write_bytes(name, table_text(header, rows).encode())
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"商品": "item", "订单号": "order", "订单状态": "category",
                  "商品总价(元)": "amount", "店铺优惠折扣(元)": "amount",
                  "用户实付金额(元)": "amount", "商品数量(件)": "quantity",
                  "订单成交时间": "date", "省": "category"},
           debatable={"商品规格": ["category", "text"], "收货人": ["customer", "text"],
                      "手机": ["customer", "text"], "市": ["category"], "区": ["category"],
                      "街道": ["text"], "商家编码-SKU维度": ["item", "category", "identifier"],
                      "商家备注": ["text", "feature"]},
           pii={"收货人": "name", "手机": "phone"},
           pii_debatable=["省", "市", "区", "街道"],
           note="One line per order (Pinduoduo sells one item per order); 商家备注 is "
                "empty in every row. Address split over 省/市/区/街道.")


def wechat_shop():
    name = "wechat_shop_orders.csv"
    r = rng_for(name)
    header = ["订单号", "下单时间", "订单状态", "商品名称", "商品编码", "SKU规格", "商品单价",
              "商品数量", "订单实付金额", "买家昵称", "收件人姓名", "收件人手机", "收件人地址",
              "买家备注"]
    nicks = ["🌸小仙女", "阿杰", "Summer", "momo", "一只猫", "老王", "Coco🍓", "大鹏"]
    rows = []
    for t in times(r, dt.datetime(2023, 7, 1, 8), 40, 700):
        oid = str(r.randint(3700000000000000000, 3799999999999999999))
        lines = r.sample(ZH_PRODUCTS, r.choice([1, 1, 2]))
        qtys = [r.choice([1, 2]) for _ in lines]
        total = sum(pr * q for (_, pr), q in zip(lines, qtys))
        nick, person, phone, addr = r.choice(nicks), cn_name(r), cn_phone(r), cn_address(r)
        for (p, price), q in zip(lines, qtys):
            rows.append([oid, t.strftime("%Y-%m-%d %H:%M:%S"),
                         r.choice(["已完成", "已完成", "待发货", "售后中"]), p,
                         f"W{20000 + ZH_PRODUCTS.index((p, price)) * 7}", r.choice(ZH_SPECS),
                         f"¥{price:.2f}", q, f"¥{total:.2f}", nick, person, phone, addr,
                         r.choice(["", "", "无", "周末送达"])])
    write_bytes(name, table_text(header, rows).encode())
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"订单号": "order", "下单时间": "date", "订单状态": "category",
                  "商品名称": "item", "商品单价": "price", "商品数量": "quantity",
                  "订单实付金额": "amount", "买家昵称": "customer"},
           debatable={"商品编码": ["item", "category", "identifier"],
                      "SKU规格": ["category", "text"], "收件人姓名": ["customer", "text"],
                      "收件人手机": ["customer", "text"], "收件人地址": ["text"],
                      "买家备注": ["text", "category"]},
           pii={"收件人姓名": "name", "收件人手机": "phone", "收件人地址": "address"},
           pii_debatable=["买家昵称"],
           note="Prices written ¥35.00; buyer nicknames with emoji.")


def excel_unicode_text():
    name = "excel_unicode_text.txt"
    r = rng_for(name)
    header = ["序号", "销售日期", "单号", "商品名称", "数量", "单价", "金额", "会员卡号"]
    rows = []
    no = 1
    slip = 880001
    for t in times(r, dt.datetime(2023, 4, 1, 9), 35, 400):
        card = r.choice(["", f"VIP{r.randint(1, 60):05d}"])
        for p, price in r.sample(ZH_PRODUCTS, r.choice([1, 2, 3])):
            q = r.choice([1, 1, 2])
            rows.append([no, f"{t.year}/{t.month}/{t.day}", slip, p, q, money(price),
                         money(price * q), card])
            no += 1
        slip += 1
    text = table_text(header, rows, delim="\t", crlf=True)
    write_bytes(name, b"\xff\xfe" + text.encode("utf-16-le"))
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"序号": "identifier", "销售日期": "date", "单号": "order", "商品名称": "item",
                  "数量": "quantity", "单价": "price", "金额": "amount", "会员卡号": "customer"},
           note="Excel 'Unicode text' save: UTF-16 LE with BOM, tabs, CRLF; 序号 is 1..n.")


def pos_cashier_gbk():
    name = "pos_cashier_flow_gbk.csv"
    r = rng_for(name)
    header = ["流水号", "销售日期", "销售时间", "商品条码", "商品名称", "类别", "销售数量", "售价",
              "销售金额", "会员号", "收银员"]
    goods = [("6901028075862", "可口可乐 330ml", "饮料", 3.00), ("6902083881405", "娃哈哈AD钙奶", "饮料", 2.50),
             ("6920152400777", "康师傅红烧牛肉面", "方便食品", 4.50), ("6924743915848", "乐事薯片原味 70g", "零食", 7.50),
             ("6903148126677", "德芙巧克力 43g", "零食", 9.90), ("6921168509256", "农夫山泉 550ml", "饮料", 2.00),
             ("6920907800173", "双汇王中王火腿肠", "肉制品", 6.80), ("6907992500133", "伊利纯牛奶 250ml", "乳品", 3.50)]
    rows = []
    flow = 100231
    for t in times(r, dt.datetime(2023, 8, 12, 7), 50, 60):
        member = r.choice(["无", "无", "无", f"C{r.randint(1001, 1040)}"])
        cashier = r.choice(["张丽", "李娜"])
        for code, nm, cat, price in r.sample(goods, r.choice([1, 2, 3])):
            q = r.choice([1, 1, 2, 3])
            if r.random() < 0.05:
                q = -q
            rows.append([flow, t.strftime("%Y-%m-%d"), t.strftime("%H:%M:%S"), code, nm, cat,
                         q, money(price), money(price * q), member, cashier])
        flow += 1
    write_bytes(name, table_text(header, rows).encode("gbk"))
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"流水号": "order", "销售日期": "date", "商品名称": "item", "类别": "category",
                  "销售数量": "quantity", "售价": "price", "销售金额": "amount", "会员号": "customer"},
           debatable={"销售时间": ["date", "feature", "text"],
                      "商品条码": ["item", "category", "identifier"],
                      "收银员": ["category", "feature"]},
           pii_debatable=["收银员"],
           note="GBK; 会员号 is 无 (placeholder) or C1001-style member ids; a few returns "
                "with negative 销售数量.")


def german_semicolon():
    name = "shop_bestellungen_de.csv"
    r = rng_for(name)
    header = ["Bestellnummer", "Bestelldatum", "Artikelnummer", "Artikelname", "Menge",
              "Einzelpreis", "Gesamtpreis", "Kundennummer", "E-Mail", "Zahlungsart", "Status"]
    rows = []
    article = {p: f"A{1000 + 37 * i}" for i, (p, _) in enumerate(DE_PRODUCTS)}
    order = 100512
    for t in times(r, dt.datetime(2023, 2, 1, 8), 45, 1500):
        cust = f"K-{r.randint(10000, 10060)}"
        mail = email_of(f"{r.choice(['anna', 'jonas', 'lena', 'felix', 'marie'])} "
                        f"{r.choice(['mueller', 'schmidt', 'weber', 'wagner'])}", r)
        pay = r.choice(["PayPal", "Rechnung", "Vorkasse", "Kreditkarte"])
        for p, price in r.sample(DE_PRODUCTS, r.choice([1, 1, 2])):
            q = r.choice([1, 1, 2])
            rows.append([order, t.strftime("%d.%m.%Y"), article[p], p, q,
                         de_money(price), de_money(price * q), cust, mail, pay,
                         r.choice(["versendet", "versendet", "offen", "storniert"])])
        order += 1
    write_bytes(name, table_text(header, rows, delim=";").encode("utf-8"))
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"Bestellnummer": "order", "Bestelldatum": "date", "Artikelname": "item",
                  "Menge": "quantity", "Einzelpreis": "price", "Gesamtpreis": "amount",
                  "Kundennummer": "customer", "Zahlungsart": "category", "Status": "category"},
           debatable={"Artikelnummer": ["item", "category", "identifier"],
                      "E-Mail": ["customer", "text"]},
           pii={"E-Mail": "email"},
           note="Semicolons, decimal commas with thousands dots (1.234,56), dd.mm.yyyy.")


def french_sep_line():
    name = "commandes_excel_sep.csv"
    r = rng_for(name)
    header = ["N° commande", "Date", "Produit", "Quantité", "Prix unitaire", "Total", "Client"]
    rows = []
    order = 7001
    for t in times(r, dt.datetime(2023, 3, 10, 9), 40, 1400):
        client = f"CL{r.randint(200, 240)}"
        for p, price in r.sample(FR_PRODUCTS, r.choice([1, 2])):
            q = r.choice([1, 2, 3])
            rows.append([order, t.strftime("%d/%m/%Y"), p, q,
                         f"{price:.2f} €".replace(".", ","),
                         f"{price * q:.2f} €".replace(".", ","), client])
        order += 1
    text = "sep=;\r\n" + table_text(header, rows, delim=";", crlf=True)
    write_bytes(name, text.encode("utf-8"))
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"N° commande": "order", "Date": "date", "Produit": "item",
                  "Quantité": "quantity", "Prix unitaire": "price", "Total": "amount",
                  "Client": "customer"},
           note="Excel's 'sep=;' first line, CRLF, dd/mm/yyyy, prices like '4,50 €'.")


def totals_row():
    name = "invoice_lines_with_totals.csv"
    r = rng_for(name)
    header = ["Invoice", "Date", "Product", "Qty", "Unit Price", "Line Total"]
    rows = []
    inv = 23001
    tq = 0
    tt = 0.0
    for t in times(r, dt.datetime(2023, 1, 2, 9), 30, 1440):
        for p in r.sample(EN_PRODUCTS, r.choice([1, 2, 3])):
            q = r.choice([1, 2, 4, 6])
            tq += q
            tt += p[2] * q
            rows.append([f"INV-{inv}", t.strftime("%Y-%m-%d"), p[0], q, money(p[2]),
                         money(p[2] * q)])
        inv += 1
    rows.append(["", "", "Total", tq, "", money(tt)])
    text = table_text(header, rows) + ",,,,,\n,,,,,\n\n\n"
    write_bytes(name, text.encode())
    expect(name, "order_lines", n_rows=len(rows) - 1, columns=header,
           roles={"Invoice": "order", "Date": "date", "Product": "item", "Qty": "quantity",
                  "Unit Price": "price", "Line Total": "amount"},
           note="A 'Total' row at the bottom with sums, then empty comma rows and blank lines.")


def bom_crlf_quoted():
    name = "orders_quoted_numbers_bom.csv"
    r = rng_for(name)
    header = ["Order ID", "Order Date", "Customer", "Product", "Quantity", "Unit Price",
              "Amount", "Notes", "Region"]
    rows = []
    big = [("Standing Desk Frame", 489.00), ("Office Chair Mesh", 1234.00),
           ("Monitor Arm Dual", 149.50), ("Desk Lamp LED", 59.99),
           ("Cable Tray", 24.00), ("Ergonomic Keyboard", 129.00)]
    oid = 90000
    for t in times(r, dt.datetime(2023, 4, 3, 8), 40, 1400):
        cust = f"ACME-{r.randint(1, 25):03d}"
        for p, price in r.sample(big, r.choice([1, 2])):
            q = r.choice([1, 2, 5, 10])
            if r.random() < 0.1:
                q = -q
            amount = price * q
            pr = f"${price:,.2f}" if r.random() < 0.5 else f"{price:,.2f}"
            am = f"{amount:,.2f}" if amount >= 0 else f"-{-amount:,.2f}"
            rows.append([f"SO-{oid}", t.strftime("%m/%d/%Y"),
                         cust if r.random() < 0.9 else "N/A", p, q, pr, am, "",
                         r.choice(["East", "West", "Central"])])
        oid += 1
    text = table_text(header, rows, crlf=True, quote_all=True)
    write_bytes(name, b"\xef\xbb\xbf" + text.encode())
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"Order ID": "order", "Order Date": "date", "Customer": "customer",
                  "Product": "item", "Quantity": "quantity", "Unit Price": "price",
                  "Amount": "amount", "Region": "category"},
           debatable={"Notes": ["text", "feature", "category"]},
           note="BOM + CRLF, every field quoted, thousands commas (\"1,234.00\"), some "
                "prices with $, returns as negative quantities, Notes all empty, "
                "Customer N/A placeholders.")


def online_retail_like():
    name = "giftshop_invoices.csv"
    r = rng_for(name)
    header = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
              "UnitPrice", "CustomerID", "Country"]
    stock = [("85123A", "CREAM HANGING HEART T-LIGHT HOLDER", 2.55),
             ("71053", "WHITE METAL LANTERN", 3.39), ("84406B", "CREAM CUPID HEARTS COAT HANGER", 2.75),
             ("22752", "SET 7 BABUSHKA NESTING BOXES", 7.65), ("21730", "GLASS STAR FROSTED T-LIGHT HOLDER", 4.25),
             ("22633", "HAND WARMER UNION JACK", 1.85), ("84879", "ASSORTED COLOUR BIRD ORNAMENT", 1.69),
             ("POST", "POSTAGE", 18.00)]
    rows = []
    inv = 581001
    for t in times(r, dt.datetime(2011, 11, 1, 8), 35, 300):
        cust = f"{r.randint(12346, 18287)}.0" if r.random() < 0.85 else ""
        cancel = r.random() < 0.12
        country = r.choice(["United Kingdom", "United Kingdom", "France", "Germany", "EIRE"])
        for code, desc, price in r.sample(stock, r.choice([1, 2, 3, 4])):
            q = r.choice([1, 2, 6, 12, 24])
            rows.append([f"C{inv}" if cancel else str(inv), code, desc, -q if cancel else q,
                         f"{t.month}/{t.day}/{t.year} {t.hour}:{t.minute:02d}", price,
                         cust, country])
        inv += 1
    write_bytes(name, table_text(header, rows).encode())
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"InvoiceNo": "order", "Description": "item", "Quantity": "quantity",
                  "InvoiceDate": "date", "UnitPrice": "price", "CustomerID": "customer",
                  "Country": "category"},
           debatable={"StockCode": ["item", "category", "identifier"]},
           note="Cancelled invoices C581xxx with negative quantities; CustomerID as 17850.0.")


def member_visits():
    name = "loyalty_member_visits.csv"
    r = rng_for(name)
    header = ["Member ID", "Visit Date", "Store", "Item", "Qty", "Spend"]
    items = [("Sourdough Loaf", 6.50), ("Oat Milk 1L", 2.95), ("Free Range Eggs x6", 4.20),
             ("Cheddar 200g", 5.10), ("Bananas", 1.80), ("Ground Coffee 250g", 8.90),
             ("Greek Yogurt", 3.40), ("Apples 1kg", 3.20)]
    rows = []
    for _ in range(40):
        mem = f"C{r.randint(1001, 1030)}"
        day = dt.date(2023, 9, 1) + dt.timedelta(days=r.randint(0, 29))
        store = r.choice(["Northside", "Harbour", "Old Town"])
        for it, price in r.sample(items, r.choice([1, 2, 3, 4])):
            q = r.choice([1, 1, 2])
            rows.append([mem, day.strftime("%d/%m/%Y"), store, it, q, money(price * q)])
    write_bytes(name, table_text(header, rows).encode())
    expect(name, "order_lines", header, n_rows=len(rows),
           basket=["Member ID", "Visit Date"],
           roles={"Member ID": "customer", "Visit Date": "date", "Store": "category",
                  "Item": "item", "Qty": "quantity", "Spend": "amount"},
           note="No order column: a basket is a member's visit (member + date). Member ids "
                "C1001.. are not cancellations. Dates dd/mm/yyyy.")


def row_number_unnamed():
    name = "pandas_index_sales.csv"
    r = rng_for(name)
    header = ["", "order_id", "order_date", "product", "quantity", "price"]
    rows = []
    idx = 0
    oid = 5001
    for t in times(r, dt.datetime(2023, 2, 1), 40, 800):
        for p in r.sample(EN_PRODUCTS, r.choice([1, 2])):
            rows.append([idx, oid, t.strftime("%Y-%m-%d"), p[0], r.choice([1, 2]), p[2]])
            idx += 1
        oid += 1
    write_bytes(name, table_text(header, rows).encode())
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"": "identifier", "order_id": "order", "order_date": "date",
                  "product": "item", "quantity": "quantity", "price": "price"},
           note="pandas to_csv with its index: an unnamed first column 0..n-1.")


def row_number_no():
    name = "sales_register_no.csv"
    r = rng_for(name)
    header = ["No.", "Date", "Receipt", "Customer", "Product", "Qty", "Amount"]
    rows = []
    n = 1
    rec = 3001
    for t in times(r, dt.datetime(2023, 5, 2, 9), 40, 500):
        cust = r.choice(["Walk-in", "Walk-in", f"M{r.randint(10, 60)}"])
        for cat, item, price in r.sample(CAFE_ITEMS, r.choice([1, 2])):
            q = r.choice([1, 2])
            rows.append([n, t.strftime("%Y-%m-%d"), rec, cust, item, q, money(price * q)])
            n += 1
        rec += 1
    write_bytes(name, table_text(header, rows).encode())
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"No.": "identifier", "Date": "date", "Receipt": "order",
                  "Customer": "customer", "Product": "item", "Qty": "quantity",
                  "Amount": "amount"},
           note="'No.' is the row number 1..n; Customer mostly 'Walk-in'.")


def placeholders_cn():
    name = "store_sales_placeholders.csv"
    r = rng_for(name)
    header = ["日期", "门店", "订单号", "商品", "数量", "金额", "会员", "优惠券", "备注"]
    rows = []
    oid = 7700
    for t in times(r, dt.datetime(2023, 3, 1, 9), 45, 600):
        member = r.choice(["NULL", "N/A", "-", f"VIP{r.randint(100, 140)}", f"VIP{r.randint(100, 140)}"])
        for p, price in r.sample(ZH_PRODUCTS, r.choice([1, 2])):
            q = r.choice([1, 2, "-"]) if r.random() < 0.05 else r.choice([1, 2])
            amt = "N/A" if q == "-" else money(price * q)
            rows.append([t.strftime("%Y-%m-%d"), r.choice(["一店", "二店"]), oid, p, q, amt,
                         member, r.choice(["无", "无", "满100减10"]),
                         r.choice(["无", "无", "-", "NULL", "顾客要求开发票"])])
        oid += 1
    write_bytes(name, table_text(header, rows).encode())
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"日期": "date", "门店": "category", "订单号": "order", "商品": "item",
                  "数量": "quantity", "金额": "amount", "会员": "customer"},
           debatable={"优惠券": ["category", "text"], "备注": ["text", "category"]},
           note="Placeholders NULL, N/A, -, 无 in several columns, including a few in 数量/金额.")


def dutch_euro_prefix():
    name = "bestellingen_nl_euro.csv"
    r = rng_for(name)
    header = ["Bestelnummer", "Besteldatum", "EAN", "Producttitel", "Aantal", "Prijs",
              "Totaalprijs", "Klantnummer"]
    goods = [("8710398503968", "Stroopwafels 8 stuks", 2.49), ("8712100325953", "Hagelslag puur 400g", 3.19),
             ("8718452011239", "Fietsbel chroom", 7.95), ("8711327339113", "Koffiepads 36 stuks", 4.50),
             ("8720181014062", "Regenponcho, uniseks", 14.99), ("8714789938419", "Kaasschaaf RVS", 11.25)]
    rows = []
    order = 1180001
    for t in times(r, dt.datetime(2023, 10, 1, 8), 35, 1500):
        klant = f"NL{r.randint(3000, 3030)}"
        for ean, p, price in r.sample(goods, r.choice([1, 2])):
            q = r.choice([1, 1, 2, 3])
            fmt = r.choice(["€ {}", "€{}"])
            rows.append([order, t.strftime("%d-%m-%Y"), ean, p, q,
                         fmt.format(de_money(price)), fmt.format(de_money(price * q)), klant])
        order += 1
    write_bytes(name, table_text(header, rows, delim=";").encode())
    expect(name, "order_lines", header, n_rows=len(rows),
           roles={"Bestelnummer": "order", "Besteldatum": "date", "Producttitel": "item",
                  "Aantal": "quantity", "Prijs": "price", "Totaalprijs": "amount",
                  "Klantnummer": "customer"},
           debatable={"EAN": ["item", "category", "identifier"]},
           note="Semicolons, dd-mm-yyyy, prices '€ 4,50' and '€4,50'; a product name "
                "with a comma (quoted).")


# -------------------------------------------------------- basket shapes ----

def baskets_comma():
    name = "baskets_comma_quoted.csv"
    r = rng_for(name)
    pool = GROCERY + ["milk, whole", "cheese, grated", "bread, sliced white"]
    lines = []
    for _ in range(80):
        items = r.sample(pool, r.choice([1, 2, 2, 3, 4, 5, 6]))
        lines.append(",".join(f'"{i}"' if "," in i else i for i in items))
    write_bytes(name, ("\n".join(lines) + "\n").encode())
    expect(name, "basket_lines",
           note="groceries-style lines; a few names contain commas and are quoted.")


def baskets_space():
    name = "baskets_space.txt"
    r = rng_for(name)
    pool = ["bread", "milk", "eggs", "butter", "jam", "coffee", "tea", "sugar", "apples",
            "bananas", "yogurt", "cereal", "juice", "rice", "pasta", "tomatoes"]
    lines = [" ".join(r.sample(pool, r.choice([1, 2, 3, 3, 4, 5]))) for _ in range(70)]
    write_bytes(name, ("\n".join(lines) + "\n").encode())
    expect(name, "basket_lines", note="One basket per line, single-word items, spaces.")


def baskets_fimi():
    name = "retail_baskets.dat"
    r = rng_for(name)
    lines = []
    for _ in range(120):
        items = sorted(r.sample(range(0, 60), r.choice([1, 2, 3, 4, 5, 8, 12])))
        lines.append(" ".join(map(str, items)) + " ")
    write_bytes(name, ("\n".join(lines) + "\n").encode())
    expect(name, "basket_lines", note="FIMI .dat: integer item codes, trailing space.")


def baskets_tab_cn():
    name = "baskets_tab_chinese.tsv"
    r = rng_for(name)
    pool = ["啤酒", "尿布", "牛奶", "面包", "鸡蛋", "方便面", "矿泉水", "薯片", "可乐", "酸奶", "香蕉", "纸巾"]
    lines = ["\t".join(r.sample(pool, r.choice([1, 2, 3, 4]))) for _ in range(60)]
    write_bytes(name, ("\n".join(lines) + "\n").encode())
    expect(name, "basket_lines", note="Tab-separated baskets of Chinese item names.")


def matrix_truefalse():
    name = "basket_matrix_truefalse.csv"
    r = rng_for(name)
    items = ["Bread", "Milk", "Eggs", "Cheese", "Apples", "Coffee", "Beer", "Diapers"]
    rows = []
    for _ in range(60):
        if r.random() < 0.08:
            rows.append(["FALSE"] * len(items))
        else:
            rows.append(["TRUE" if r.random() < 0.3 else "FALSE" for _ in items])
    write_bytes(name, table_text(items, rows).encode())
    expect(name, "basket_matrix", n_rows=len(rows), columns=items,
           debatable={i: ["item", "feature"] for i in items},
           note="One-hot TRUE/FALSE, no id column, some all-FALSE rows.")


def matrix_pandas_bool():
    name = "onehot_pandas_index.csv"
    r = rng_for(name)
    items = ["apple", "banana", "beer", "chicken", "milk", "rice", "yogurt"]
    rows = [[i] + [str(r.random() < 0.35) for _ in items] for i in range(50)]
    write_bytes(name, table_text([""] + items, rows).encode())
    expect(name, "basket_matrix", n_rows=len(rows), columns=[""] + items,
           roles={"": "identifier"},
           debatable={i: ["item", "feature"] for i in items},
           note="mlxtend/pandas one-hot DataFrame saved with its index: unnamed 0..n-1, True/False.")


def matrix_01_id():
    name = "basket_matrix_receipt_01.csv"
    r = rng_for(name)
    items = ["咖啡", "拿铁", "可颂", "贝果", "三明治", "沙拉", "果汁"]
    rows = []
    for i in range(70):
        rows.append([f"R{20230001 + i}"] + [1 if r.random() < 0.28 else 0 for _ in items])
    write_bytes(name, table_text(["小票号"] + items, rows).encode())
    expect(name, "basket_matrix", n_rows=len(rows), columns=["小票号"] + items,
           roles={"小票号": "order"},
           debatable={i: ["item", "feature"] for i in items},
           note="A receipt id column then 0/1 item columns with Chinese names.")


# ---------------------------------------------------------------- tables ---

def churn_table():
    name = "telco_customers_churn.csv"
    r = rng_for(name)
    header = ["customerID", "gender", "SeniorCitizen", "Partner", "tenure", "PhoneService",
              "InternetService", "Contract", "PaperlessBilling", "PaymentMethod",
              "MonthlyCharges", "TotalCharges", "Churn"]
    rows = []
    for _ in range(120):
        cid = f"{r.randint(1000, 9999)}-{''.join(r.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ') for _ in range(5))}"
        ten = r.randint(0, 72)
        mc = round(r.uniform(18, 118), 2)
        contract = r.choice(["Month-to-month", "One year", "Two year"])
        churn = "Yes" if (contract == "Month-to-month" and r.random() < 0.45) or r.random() < 0.08 else "No"
        rows.append([cid, r.choice(["Male", "Female"]), r.choice([0, 0, 0, 1]),
                     r.choice(["Yes", "No"]), ten, r.choice(["Yes", "Yes", "No"]),
                     r.choice(["DSL", "Fiber optic", "No"]), contract, r.choice(["Yes", "No"]),
                     r.choice(["Electronic check", "Mailed check", "Bank transfer (automatic)",
                               "Credit card (automatic)"]),
                     mc, " " if ten == 0 else f"{mc * ten:.2f}", churn])
    write_bytes(name, table_text(header, rows).encode())
    expect(name, "table", header, n_rows=len(rows),
           roles={"tenure": "feature", "Churn": "target"},
           debatable={"Partner": ["feature", "target"],
                      "PhoneService": ["feature", "target"],
                      "customerID": ["identifier", "customer"],
                      "gender": ["feature", "category"], "SeniorCitizen": ["feature", "target"],
                      "InternetService": ["feature", "category"],
                      "Contract": ["feature", "category"],
                      "PaperlessBilling": ["feature", "target"],
                      "PaymentMethod": ["feature", "category"],
                      "MonthlyCharges": ["feature", "amount", "price"],
                      "TotalCharges": ["feature", "amount"]},
           note="TotalCharges is ' ' when tenure is 0; PhoneService Yes/No is not a phone number.")


def bank_churn_table():
    name = "bank_customers_exited.csv"
    r = rng_for(name)
    header = ["RowNumber", "CustomerId", "Surname", "CreditScore", "Geography", "Gender",
              "Age", "Tenure", "Balance", "NumOfProducts", "HasCrCard", "IsActiveMember",
              "EstimatedSalary", "Exited"]
    surnames = ["Hargrave", "Hill", "Onio", "Boni", "Mitchell", "Chu", "Bartlett", "Obinna",
                "He", "Hsu", "Bearce", "Andrews", "Kay", "Chin", "Scott", "Goforth"]
    rows = []
    for i in range(1, 101):
        rows.append([i, r.randint(15565701, 15815690), r.choice(surnames), r.randint(350, 850),
                     r.choice(["France", "Spain", "Germany"]), r.choice(["Female", "Male"]),
                     r.randint(18, 80), r.randint(0, 10),
                     0.0 if r.random() < 0.35 else round(r.uniform(20000, 220000), 2),
                     r.choice([1, 1, 2, 2, 3]), r.choice([0, 1, 1]), r.choice([0, 1]),
                     round(r.uniform(10000, 199000), 2), 1 if r.random() < 0.2 else 0])
    write_bytes(name, table_text(header, rows).encode())
    expect(name, "table", header, n_rows=len(rows),
           roles={"RowNumber": "identifier", "CreditScore": "feature", "Age": "feature",
                  "Tenure": "feature", "NumOfProducts": "feature", "Exited": "target"},
           debatable={"CustomerId": ["identifier", "customer"],
                      "Surname": ["text", "category", "feature"],
                      "Geography": ["feature", "category"], "Gender": ["feature", "category"],
                      "Balance": ["feature", "amount"], "HasCrCard": ["feature", "target"],
                      "IsActiveMember": ["feature", "target"],
                      "EstimatedSalary": ["feature", "amount"]},
           pii={"Surname": "name"},
           note="The target is 0/1 'Exited', not named churn; RowNumber 1..n.")


def product_catalog():
    name = "product_catalog.csv"
    r = rng_for(name)
    header = ["Handle", "Title", "Product Category", "Vendor", "Variant Price",
              "Variant Compare At Price", "Variant Inventory Qty", "Status"]
    rows = []
    cats = ["Apparel & Accessories > Clothing > Shirts & Tops", "Home & Garden > Kitchen & Dining",
            "Home & Garden > Decor > Candles", "Office Supplies > Paper Products"]
    for i in range(40):
        base = r.choice(EN_PRODUCTS)
        title = f"{base[0]} v{i + 1}"
        rows.append([title.lower().replace(" ", "-").replace(",", "").replace("/", ""), title,
                     r.choice(cats), r.choice(["Acme Goods", "North Loom", "Pine & Co"]),
                     money(base[2]), money(base[2] * 1.2) if r.random() < 0.3 else "",
                     r.randint(0, 250), r.choice(["active", "active", "draft"])])
    write_bytes(name, table_text(header, rows).encode())
    expect(name, "table", header, n_rows=len(rows),
           roles={"Title": "item", "Product Category": "category", "Vendor": "category",
                  "Variant Price": "price", "Status": "category"},
           debatable={"Handle": ["identifier", "item"],
                      "Variant Compare At Price": ["price", "feature"],
                      "Variant Inventory Qty": ["quantity", "feature"]},
           note="Shopify products export (a catalogue, not sales).")


# ----------------------------------------------------------- time series ---

def month_add(y, m, k):
    m0 = m - 1 + k
    return y + m0 // 12, m0 % 12 + 1


def emit_series(name, header, rows, frequency, roles, debatable=None, note=None):
    """Write a comma-separated time series and record what it is."""
    write_bytes(name, table_text(header, rows).encode())
    expect(name, "time_series", n_rows=len(rows), columns=header, frequency=frequency,
           roles=roles, debatable=debatable, note=note)


def ts_monthly_iso():
    name = "monthly_sales_iso.csv"
    r = rng_for(name)
    rows = []
    for k in range(60):
        y, m = month_add(2019, 1, k)
        season = 1 + 0.3 * (m in (11, 12)) - 0.1 * (m in (1, 2))
        rows.append([f"{y}-{m:02d}", money((20000 + 300 * k) * season * r.uniform(0.9, 1.1))])
    emit_series(name, ["Month", "Sales"], rows, "monthly",
                roles={"Month": "date", "Sales": "amount"})


def ts_monthly_mon_yyyy():
    name = "monthly_units_mon_yyyy.csv"
    r = rng_for(name)
    rows = []
    for k in range(36):
        y, m = month_add(2021, 1, k)
        units = int(800 + 15 * k + r.randint(-60, 60))
        rows.append([dt.date(y, m, 1).strftime("%b-%Y"), units, money(units * 12.5)])
    emit_series(name, ["Period", "Units Sold", "Revenue"], rows, "monthly",
                roles={"Period": "date", "Units Sold": "quantity", "Revenue": "amount"},
                note="Months written Jan-2021.")


def ts_monthly_cn():
    name = "monthly_sales_chinese.csv"
    r = rng_for(name)
    rows = []
    for k in range(30):
        y, m = month_add(2020, 1, k)
        rows.append([f"{y}年{m}月", money(r.uniform(50, 90) * 10000), r.randint(900, 1600)])
    emit_series(name, ["月份", "销售额", "订单数"], rows, "monthly",
                roles={"月份": "date", "销售额": "amount"},
                debatable={"订单数": ["quantity", "feature"]},
                note="Months written 2020年1月.")


def ts_weekly():
    name = "weekly_orders.csv"
    r = rng_for(name)
    rows = []
    d = dt.date(2022, 1, 3)
    for k in range(80):
        orders = r.randint(150, 260)
        rows.append([d.isoformat(), orders, money(orders * r.uniform(38, 45))])
        d += dt.timedelta(days=7)
    emit_series(name, ["Week Starting", "Orders", "Revenue"], rows, "weekly",
                roles={"Week Starting": "date", "Revenue": "amount"},
                debatable={"Orders": ["quantity", "feature"]})


def ts_quarterly_q():
    name = "quarterly_revenue.csv"
    r = rng_for(name)
    rows = []
    for k in range(24):
        y, q = 2019 + k // 4, k % 4 + 1
        rows.append([f"{y} Q{q}", money(r.uniform(1.1, 1.4) * (1e6 + 2e4 * k))])
    emit_series(name, ["Quarter", "Net Revenue"], rows, "quarterly",
                roles={"Quarter": "date", "Net Revenue": "amount"}, note="Quarters '2019 Q1'.")


def ts_quarterly_cn():
    name = "quarterly_revenue_chinese.csv"
    r = rng_for(name)
    rows = []
    for k in range(20):
        y, q = 2019 + k // 4, k % 4 + 1
        rows.append([f"{y}年第{q}季度", f"{r.uniform(800, 1500):.1f}"])
    emit_series(name, ["季度", "营业收入(万元)"], rows, "quarterly",
                roles={"季度": "date", "营业收入(万元)": "amount"}, note="Quarters '2019年第1季度'.")


def ts_yearly():
    name = "yearly_sales.csv"
    r = rng_for(name)
    rows = [[y, money(1.5e6 * (1.06 ** (y - 2000)) * r.uniform(0.95, 1.05))]
            for y in range(2000, 2024)]
    emit_series(name, ["Year", "Total Sales"], rows, "yearly",
                roles={"Year": "date", "Total Sales": "amount"}, note="Years as plain integers.")


def ts_daily_gaps():
    name = "daily_store_sales_gaps.csv"
    r = rng_for(name)
    rows = []
    d = dt.date(2023, 1, 1)
    while len(rows) < 150:
        if d.weekday() != 6 and r.random() > 0.05:
            tx = r.randint(80, 190)
            rows.append([d.isoformat(), tx, money(tx * r.uniform(11, 14))])
        d += dt.timedelta(days=1)
    emit_series(name, ["date", "transactions", "sales"], rows, "daily",
                roles={"date": "date", "sales": "amount"},
                debatable={"transactions": ["quantity", "feature"]},
                note="Closed on Sundays and a few random days missing.")


def ts_daily_dmy_cn():
    name = "daily_sales_cn_slash.csv"
    r = rng_for(name)
    rows = []
    d = dt.date(2023, 3, 1)
    for _ in range(90):
        rows.append([f"{d.year}/{d.month}/{d.day}", r.randint(20, 90), money(r.uniform(2000, 9000))])
        d += dt.timedelta(days=1)
    emit_series(name, ["日期", "销量", "销售额"], rows, "daily",
                roles={"日期": "date", "销量": "quantity", "销售额": "amount"},
                note="Dates 2023/3/1 without zero padding.")


# ----------------------------------------------------------------- routes --

def route_tsp():
    name = "stores48.tsp"
    r = rng_for(name)
    n = 48
    lines = ["NAME : stores48", "COMMENT : 48 shop deliveries (synthetic)", "TYPE : TSP",
             f"DIMENSION : {n}", "EDGE_WEIGHT_TYPE : EUC_2D", "NODE_COORD_SECTION"]
    for i in range(1, n + 1):
        lines.append(f"{i} {r.randint(0, 5000)} {r.randint(0, 5000)}")
    lines.append("EOF")
    write_bytes(name, ("\n".join(lines) + "\n").encode())
    expect(name, "route_instance")


def route_cvrp():
    name = "depot_n30_k4.vrp"
    r = rng_for(name)
    n = 30
    lines = ["NAME : depot-n30-k4", "COMMENT : (synthetic, 4 vans)", "TYPE : CVRP",
             f"DIMENSION : {n}", "EDGE_WEIGHT_TYPE : EUC_2D", "CAPACITY : 100",
             "NODE_COORD_SECTION"]
    for i in range(1, n + 1):
        lines.append(f" {i} {r.randint(0, 100)} {r.randint(0, 100)}")
    lines.append("DEMAND_SECTION")
    for i in range(1, n + 1):
        lines.append(f"{i} {0 if i == 1 else r.randint(1, 24)}")
    lines += ["DEPOT_SECTION", " 1", " -1", "EOF"]
    write_bytes(name, ("\n".join(lines) + "\n").encode())
    expect(name, "route_instance")


def route_tsp_txt():
    name = "delivery_points_tsplib.txt"
    r = rng_for(name)
    n = 25
    lines = ["NAME: city25", "TYPE: TSP", "COMMENT: saved with a .txt name",
             f"DIMENSION: {n}", "EDGE_WEIGHT_TYPE: GEO", "NODE_COORD_SECTION"]
    for i in range(1, n + 1):
        lines.append(f"{i} {r.uniform(30.0, 31.5):.2f} {r.uniform(103.5, 104.9):.2f}")
    lines.append("EOF")
    write_bytes(name, ("\r\n".join(lines) + "\r\n").encode())
    expect(name, "route_instance", note="TSPLIB GEO coordinates, CRLF, a .txt extension.")


def main():
    os.makedirs(OUT, exist_ok=True)
    makers = [shopify_orders, woocommerce_orders, amazon_orders, ebay_orders,
              etsy_sold_items, square_items, vend_sales, taobao_gbk, tmall_bom_crlf,
              jd_orders, pdd_orders, wechat_shop, excel_unicode_text, pos_cashier_gbk,
              german_semicolon, dutch_euro_prefix, french_sep_line, totals_row, bom_crlf_quoted,
              online_retail_like, member_visits, row_number_unnamed, row_number_no,
              placeholders_cn, baskets_comma, baskets_space, baskets_fimi, baskets_tab_cn,
              matrix_truefalse, matrix_pandas_bool, matrix_01_id, churn_table,
              bank_churn_table, product_catalog, ts_monthly_iso, ts_monthly_mon_yyyy,
              ts_monthly_cn, ts_weekly, ts_quarterly_q, ts_quarterly_cn, ts_yearly,
              ts_daily_gaps, ts_daily_dmy_cn, route_tsp, route_cvrp, route_tsp_txt]
    for make in makers:
        make()
    with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": SEED, "files": EXPECTED}, f, ensure_ascii=False, indent=1,
                  sort_keys=True)
        f.write("\n")
    print(f"wrote {len(EXPECTED)} files and expected.json to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
