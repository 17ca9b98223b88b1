#!/usr/bin/env python3
"""Write a second held-out corpus for the file-understanding module (issue 14).

The module that decides a file's shape, a time series' frequency and each column's role
and personal-data kind has been tuned on two corpora already (`testdata/understanding/`
and `testdata/heldout/`). This script builds a third set of small synthetic files in the
shapes of export kinds none of those used -- Magento 2, PrestaShop, OpenCart, BigCommerce,
Shopee (English and Indonesian), Lazada (Vietnamese), Mercado Libre, Flipkart, 有赞, 抖店,
快手小店, 美团外卖, 饿了么, a Taiwanese Big5 shop, a Japanese Shift-JIS shop, Stripe,
PayPal, Google Analytics, Instacart, plus tables, series, basket files and TSPLIB
instances with their own traps -- and writes `expected.json` with the understanding each
file should get. The expectations were written by hand from how each file is built here,
never from the module's code, so the check measures how the module does on files it has
never seen.

Where a column has several defensible roles the expectation is a list of acceptable roles;
where a personal-data kind is not clear the expectation is "?" (not scored).

Standard library only; seeded and deterministic: running it twice writes identical bytes.
Usage: python3 tools/make_heldout2_corpus.py [OUT_DIR]  (default testdata/heldout2)
"""

import datetime as dt
import json
import os
import random
import sys

SEED = 20261207
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "testdata", "heldout2"))

EXPECTED = {}
SKIP = "?"

# Acceptable-role sets used again and again.
LOCATION = ["category", "feature"]          # city, province, country, region
PERSON_NAME = ["customer", "text"]          # a buyer's or receiver's full name
CONTACT = ["identifier", "customer", "text"]  # phone, e-mail
ADDRESS = ["text", "category"]
STATUS = ["category"]


def col(role, pii=None):
    return {"role": role, "pii": pii}


def write_rows(name, header, rows, encoding="utf-8", sep=",", bom=False, newline="\r\n",
               pre_lines=(), quote_all=False):
    """Write a delimited file; fields holding the separator or a quote are quoted."""
    def cell(v):
        s = "" if v is None else str(v)
        if quote_all or sep in s or '"' in s or "\n" in s:
            s = '"' + s.replace('"', '""') + '"'
        return s
    lines = list(pre_lines) + [sep.join(cell(h) for h in header)]
    lines += [sep.join(cell(v) for v in r) for r in rows]
    text = newline.join(lines) + newline
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def expect(name, shape, columns=None, frequency=None, basket_columns=None,
           item_column=None, matrix_items=None, note=None, kind=None, encoding=None):
    e = {"kind": kind, "shape": shape, "frequency": frequency, "columns": columns or {}}
    if encoding:
        e["encoding"] = encoding               # the encoding the file was written in
    if basket_columns is not None:
        e["basket_columns"] = basket_columns   # list of acceptable column-name lists
    if item_column is not None:
        e["item_column"] = item_column         # list of acceptable column names
    if matrix_items is not None:
        e["matrix_item_columns"] = matrix_items
    if note:
        e["note"] = note
    EXPECTED[name] = e


# ---------------------------------------------------------------- shared generators

FIRST = ["James", "Olivia", "Liam", "Emma", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Sofia",
         "Mason", "Chloe", "Logan", "Grace", "Aiden", "Zoe"]
LAST = ["Walker", "Hughes", "Patel", "Nguyen", "Garcia", "Kim", "Brown", "Rossi", "Silva",
        "Moore", "Clarke", "Fischer"]
STREETS = ["Oak Street", "Maple Avenue", "High Street", "Park Road", "Cedar Lane", "King's Road"]
CITIES_US = ["Austin", "Denver", "Portland", "Columbus", "Raleigh", "Tucson", "Omaha"]
ZH_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林"
ZH_GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "杰", "婷", "强", "丽", "军"]
ZH_CITIES = [("浙江省", "杭州市", "西湖区文三路"), ("广东省", "深圳市", "南山区科技园路"),
             ("江苏省", "南京市", "鼓楼区中山路"), ("四川省", "成都市", "武侯区人民南路"),
             ("北京市", "北京市", "朝阳区建国路"), ("上海市", "上海市", "浦东新区世纪大道")]


def people(rng, n):
    out = []
    for i in range(n):
        f, l = rng.choice(FIRST), rng.choice(LAST)
        out.append({
            "name": f"{f} {l}",
            "email": f"{f.lower()}.{l.lower()}{rng.randint(1, 99)}@{rng.choice(['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me'])}",
            "phone": f"+1 ({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
            "address": f"{rng.randint(1, 999)} {rng.choice(STREETS)}",
            "city": rng.choice(CITIES_US),
            "user": f"{f.lower()}{l.lower()[:3]}{rng.randint(10, 999)}",
        })
    return out


def zh_people(rng, n):
    out = []
    for i in range(n):
        prov, city, road = rng.choice(ZH_CITIES)
        name = rng.choice(ZH_SURNAMES) + "".join(rng.choice(ZH_GIVEN) for _ in range(rng.randint(1, 2)))
        out.append({
            "name": name,
            "phone": "1" + rng.choice("3578") + "".join(str(rng.randint(0, 9)) for _ in range(9)),
            "province": prov, "city": city,
            "address": f"{prov}{city}{road}{rng.randint(1, 300)}号{rng.randint(1, 30)}栋{rng.randint(101, 2505)}室",
            "nick": rng.choice(["小", "大", "阿", "老"]) + rng.choice(ZH_GIVEN) + str(rng.randint(100, 9999)),
        })
    return out


def order_lines(rng, n_orders, products, customers, start, max_lines=4, step_hours=(1, 30)):
    """Orders of 1..max_lines distinct products; returns (order_no, line, when, cust, prod, qty)."""
    out, when = [], start
    for o in range(n_orders):
        when = when + dt.timedelta(hours=rng.randint(*step_hours), minutes=rng.randint(0, 59),
                                   seconds=rng.randint(0, 59))
        cust = rng.randrange(len(customers))
        k = min(len(products), rng.choice([1, 1, 2, 2, 3, 4][:max_lines + 2]))
        k = max(1, min(k, max_lines))
        for line, p in enumerate(rng.sample(range(len(products)), k)):
            qty = rng.choice([1, 1, 1, 2, 2, 3, 5])
            out.append((o, line, when, cust, p, qty))
    return out


def money(x, dec=2):
    return f"{x:.{dec}f}"


def thousands_dot(x):
    """150000 -> '150.000' (Indonesian/Vietnamese grouping)."""
    return f"{int(round(x)):,}".replace(",", ".")


# ---------------------------------------------------------------- files

def magento2(rng):
    # Magento 2 admin "Orders" grid export: one row per order, UTF-8 with BOM, all quoted.
    ppl = people(rng, 25)
    rows, when = [], dt.datetime(2023, 3, 1, 8)
    for i in range(60):
        when += dt.timedelta(hours=rng.randint(2, 20), minutes=rng.randint(0, 59))
        c = rng.choice(ppl)
        total = round(rng.uniform(15, 420), 2)
        rows.append([str(100000001 + i), "Main Website",
                     when.strftime("%b %d, %Y %I:%M:%S %p"), c["name"], c["name"], c["email"],
                     money(total), money(total), rng.choice(["pending", "processing", "complete", "complete", "canceled"]),
                     rng.choice(["Flat Rate - Fixed", "Free Shipping - Free", "United Parcel Service - Ground"])])
    header = ["ID", "Purchase Point", "Purchase Date", "Bill-to Name", "Ship-to Name", "Customer Email",
              "Grand Total (Base)", "Grand Total (Purchased)", "Status", "Shipping Information"]
    write_rows("magento2_orders_grid.csv", header, rows, bom=True, quote_all=True)
    expect("magento2_orders_grid.csv", "table", {
        "ID": col(["order", "identifier"]),
        "Purchase Point": col(["category", "text"]),
        "Purchase Date": col("date"),
        "Bill-to Name": col(PERSON_NAME, "name"),
        "Ship-to Name": col(PERSON_NAME, "name"),
        "Customer Email": col(CONTACT, "email"),
        "Grand Total (Base)": col("amount"),
        "Grand Total (Purchased)": col("amount"),
        "Status": col(STATUS + ["target"]),
        "Shipping Information": col(["category"]),
    }, kind="Magento 2 order grid (one row per order, BOM, 'Mar 01, 2023 08:15:00 AM')",
        note="one row per order: a table of orders, not order lines (no item column)")


def prestashop(rng):
    prods = [("demo_1", "Hummingbird printed t-shirt", 19.12), ("demo_3", "The best is yet to come' Framed poster", 29.00),
             ("demo_5", "Mug The adventure begins", 11.90), ("demo_7", "Brown bear cushion", 18.90),
             ("demo_11", "Hummingbird notebook", 12.90), ("demo_13", "Mountain fox - Vector graphics", 9.00),
             ("demo_17", "Customizable mug", 13.90), ("demo_19", "Pack Mug + Framed poster", 35.00)]
    ppl = people(rng, 18)
    lines = order_lines(rng, 45, prods, ppl, dt.datetime(2022, 11, 3, 9))
    refs = {}
    rows = []
    for o, line, when, c, p, q in lines:
        ref = refs.setdefault(o, "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(9)))
        sku, name, price = prods[p]
        rows.append([o + 12, ref, when.strftime("%Y-%m-%d %H:%M:%S"), sku, name, q,
                     money(price * 1.2, 6), money(price * 1.2 * q, 6), ppl[c]["email"],
                     rng.choice(["Payment accepted", "Delivered", "Shipped"]) if line == 0 else "Payment accepted"])
    header = ["id_order", "reference", "date_add", "product_reference", "product_name", "product_quantity",
              "unit_price_tax_incl", "total_price_tax_incl", "email", "order_state"]
    write_rows("prestashop_order_detail.csv", header, rows, sep=";", newline="\n")
    expect("prestashop_order_detail.csv", "order_lines", {
        "id_order": col("order"), "reference": col(["order", "identifier"]),
        "date_add": col("date"), "product_reference": col(["item"]), "product_name": col("item"),
        "product_quantity": col("quantity"), "unit_price_tax_incl": col("price"),
        "total_price_tax_incl": col("amount"), "email": col(CONTACT, "email"),
        "order_state": col(STATUS),
    }, basket_columns=[["id_order"], ["reference"]], item_column=["product_name", "product_reference"],
        kind="PrestaShop order_detail SQL-manager export (semicolon, raw column names)")


def opencart(rng):
    prods = [(40, "iPhone", "product 11", 101.0), (43, "MacBook", "Product 16", 500.0),
             (30, "Canon EOS 5D", "Product 3", 80.0), (47, "HP LP3065", "Product 21", 100.0),
             (28, "HTC Touch HD", "Product 1", 100.0), (33, "Samsung SyncMaster 941BW", "Product 6", 200.0),
             (42, "Apple Cinema 30\"", "Product 15", 100.0), (36, "iPod Nano", "Product 9", 100.0),
             (49, "Samsung Galaxy Tab 10.1", "SAM1", 199.99)]
    lines = order_lines(rng, 50, prods, [0], dt.datetime(2023, 1, 1))
    rows = []
    for k, (o, line, when, c, p, q) in enumerate(lines):
        pid, name, model, price = prods[p]
        rows.append([k + 1, o + 1, pid, name, model, q, money(price, 4), money(price * q, 4),
                     money(price * 0.2, 4), 0])
    header = ["order_product_id", "order_id", "product_id", "name", "model", "quantity", "price", "total",
              "tax", "reward"]
    write_rows("opencart_order_product.csv", header, rows, newline="\n")
    expect("opencart_order_product.csv", "order_lines", {
        "order_product_id": col(["identifier"]), "order_id": col("order"),
        "product_id": col(["item"]), "name": col("item"), "model": col(["item"]),
        "quantity": col("quantity"), "price": col("price"), "total": col("amount"),
        "tax": col(["amount", "price", "feature"]), "reward": col(["feature", "quantity"]),
    }, basket_columns=[["order_id"]], item_column=["name", "product_id", "model"],
        kind="OpenCart oc_order_product table dump")


def bigcommerce(rng):
    prods = [("SHO-BLK-09", "Canvas Sneaker - Black / 9", 64.0), ("SHO-WHT-10", "Canvas Sneaker - White / 10", 64.0),
             ("SCK-3PK", "Crew Socks 3-pack", 14.5), ("CAP-NVY", "Baseball Cap - Navy", 22.0),
             ("TEE-GRY-M", "Organic Tee - Grey / M", 28.0), ("BAG-TOTE", "Canvas Tote", 18.0),
             ("LACE-W", "Spare Laces, White", 4.0)]
    ppl = people(rng, 20)
    lines = order_lines(rng, 55, prods, ppl, dt.datetime(2023, 2, 1, 10))
    rows = []
    for o, line, when, c, p, q in lines:
        sku, name, price = prods[p]
        pp = ppl[c]
        rows.append([o + 120, when.strftime("%d/%m/%Y"), "Awaiting Fulfillment" if o % 5 else "Shipped",
                     pp["name"], pp["email"], pp["phone"], sku, name, q, money(price), money(price * q),
                     pp["city"], "United States"])
    header = ["Order ID", "Order Date", "Order Status", "Customer Name", "Customer Email", "Customer Phone",
              "Product SKU", "Product Name", "Product Qty", "Product Unit Price", "Product Total Price",
              "Shipping City", "Shipping Country"]
    write_rows("bigcommerce_orders_products.csv", header, rows)
    expect("bigcommerce_orders_products.csv", "order_lines", {
        "Order ID": col("order"), "Order Date": col("date"), "Order Status": col(STATUS),
        "Customer Name": col(["customer", "text"], "name"), "Customer Email": col(CONTACT, "email"),
        "Customer Phone": col(CONTACT, "phone"), "Product SKU": col(["item"]),
        "Product Name": col("item"), "Product Qty": col("quantity"), "Product Unit Price": col("price"),
        "Product Total Price": col("amount"), "Shipping City": col(LOCATION),
        "Shipping Country": col(LOCATION),
    }, basket_columns=[["Order ID"]], item_column=["Product Name", "Product SKU"],
        kind="BigCommerce 'Orders + products' export, dd/mm/yyyy dates, quoted name with a comma")


ID_PRODUCTS = [("KPS-001", "Kaos Polos Cotton Combed 30s", 45000), ("HJB-PSM", "Hijab Pashmina Ceruty", 35000),
               ("SPT-SNK", "Sepatu Sneakers Pria", 189000), ("TAS-SLP", "Tas Selempang Wanita", 89900),
               ("SKN-SRM", "Serum Wajah Niacinamide 20ml", 59000), ("CSE-HP", "Case HP Silikon", 15000),
               ("PWB-10K", "Powerbank 10000mAh", 150000), ("MSK-3PLY", "Masker Medis 3 Ply isi 50", 25000)]
ID_CITIES = ["KOTA JAKARTA SELATAN", "KOTA BANDUNG", "KOTA SURABAYA", "KAB. BOGOR", "KOTA MEDAN", "KOTA SEMARANG"]


def shopee_id(rng):
    lines = order_lines(rng, 50, ID_PRODUCTS, list(range(22)), dt.datetime(2023, 4, 1, 7), max_lines=3)
    users = [f"{rng.choice(['dewi', 'budi', 'sari', 'agus', 'rina', 'eko'])}{rng.randint(10, 9999)}" for _ in range(22)]
    names = [f"{rng.choice(['Dewi', 'Budi', 'Sari', 'Agus', 'Rina', 'Eko', 'Putri', 'Andi'])} {rng.choice(['Santoso', 'Wijaya', 'Lestari', 'Saputra', 'Hidayat'])}" for _ in range(22)]
    phones = [f"62812{rng.randint(10000000, 99999999)}" for _ in range(22)]
    addrs = [f"Jl. {rng.choice(['Merdeka', 'Sudirman', 'Diponegoro', 'Gatot Subroto'])} No. {rng.randint(1, 200)}, RT.{rng.randint(1, 9):02d}/RW.{rng.randint(1, 9):02d}" for _ in range(22)]
    cities = [rng.choice(ID_CITIES) for _ in range(22)]
    order_no = {}
    rows = []
    for o, line, when, c, p, q in lines:
        no = order_no.setdefault(o, when.strftime("%y%m%d") + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(8)))
        sku, name, price = ID_PRODUCTS[p]
        rows.append([no, "Selesai", when.strftime("%Y-%m-%d %H:%M"), name, sku, "Rp " + thousands_dot(price),
                     q, "Rp " + thousands_dot(price * q), users[c], names[c], phones[c], addrs[c], cities[c]])
    header = ["No. Pesanan", "Status Pesanan", "Waktu Pesanan Dibuat", "Nama Produk", "Nomor Referensi SKU",
              "Harga Awal", "Jumlah", "Total Harga Produk", "Username (Pembeli)", "Nama Penerima",
              "No. Telepon", "Alamat Pengiriman", "Kota/Kabupaten"]
    write_rows("shopee_id_pesanan.csv", header, rows)
    expect("shopee_id_pesanan.csv", "order_lines", {
        "No. Pesanan": col("order"), "Status Pesanan": col(STATUS), "Waktu Pesanan Dibuat": col("date"),
        "Nama Produk": col("item"), "Nomor Referensi SKU": col(["item"]), "Harga Awal": col("price"),
        "Jumlah": col("quantity"), "Total Harga Produk": col("amount"), "Username (Pembeli)": col("customer"),
        "Nama Penerima": col(PERSON_NAME, "name"), "No. Telepon": col(CONTACT, "phone"),
        "Alamat Pengiriman": col(ADDRESS, "address"), "Kota/Kabupaten": col(LOCATION),
    }, basket_columns=[["No. Pesanan"]], item_column=["Nama Produk", "Nomor Referensi SKU"],
        kind="Shopee Indonesia seller order export (Indonesian headers, 'Rp 150.000')",
        note="'Rp 45.000' is 45000 rupiah: the dot groups thousands")


def shopee_en(rng):
    prods = [("Wireless Earbuds TWS", 12.9), ("Phone Holder Car Mount", 4.5), ("LED Desk Lamp", 15.0),
             ("Stainless Tumbler 500ml", 7.9), ("Yoga Mat 6mm", 11.2), ("Cotton Face Towel Set", 6.4),
             ("USB-C Cable 1m", 2.9)]
    ppl = people(rng, 20)
    lines = order_lines(rng, 45, prods, ppl, dt.datetime(2023, 6, 1, 9), max_lines=3)
    ids, rows = {}, []
    for o, line, when, c, p, q in lines:
        oid = ids.setdefault(o, "23" + when.strftime("%m%d") + "".join(rng.choice("0123456789ABCDEFGHJKMNPQRSTUVWXY") for _ in range(8)))
        name, price = prods[p]
        deal = round(price * rng.choice([1.0, 0.9, 0.85]), 2)
        rows.append([oid, "Completed", when.strftime("%Y-%m-%d %H:%M"), name, f"SG-{p:03d}", money(price),
                     money(deal), q, money(deal * q), ppl[c]["user"], ppl[c]["name"], "65" + str(rng.randint(80000000, 99999999)),
                     ppl[c]["address"] + ", #0" + str(rng.randint(2, 9)) + "-" + str(rng.randint(10, 99))])
    header = ["Order ID", "Order Status", "Order Creation Date", "Product Name", "SKU Reference No.",
              "Original Price", "Deal Price", "Quantity", "Product Subtotal", "Username (Buyer)",
              "Receiver Name", "Phone Number", "Delivery Address"]
    write_rows("shopee_sg_orders.csv", header, rows)
    expect("shopee_sg_orders.csv", "order_lines", {
        "Order ID": col("order"), "Order Status": col(STATUS), "Order Creation Date": col("date"),
        "Product Name": col("item"), "SKU Reference No.": col(["item"]), "Original Price": col("price"),
        "Deal Price": col("price"), "Quantity": col("quantity"), "Product Subtotal": col("amount"),
        "Username (Buyer)": col("customer"), "Receiver Name": col(PERSON_NAME, "name"),
        "Phone Number": col(CONTACT, "phone"), "Delivery Address": col(ADDRESS, "address"),
    }, basket_columns=[["Order ID"]], item_column=["Product Name", "SKU Reference No."],
        kind="Shopee Singapore seller order export (English headers)")


def lazada_vn(rng):
    prods = [("Áo thun nam cổ tròn", 150000), ("Quần jean nữ ống rộng", 289000), ("Dép quai ngang", 79000),
             ("Nón bảo hiểm nửa đầu", 210000), ("Kem chống nắng SPF50", 185000), ("Bình giữ nhiệt 750ml", 129000),
             ("Tai nghe bluetooth", 349000)]
    names = [f"{rng.choice(['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng'])} {rng.choice(['Văn', 'Thị', 'Minh', 'Ngọc'])} {rng.choice(['An', 'Bình', 'Hương', 'Lan', 'Tuấn', 'Dũng'])}" for _ in range(20)]
    phones = ["09" + str(rng.randint(10000000, 99999999)) for _ in range(20)]
    provs = [rng.choice(["Hà Nội", "TP. Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ"]) for _ in range(20)]
    lines = order_lines(rng, 40, prods, names, dt.datetime(2023, 9, 1, 8), max_lines=3)
    rows = []
    for o, line, when, c, p, q in lines:
        name, price = prods[p]
        rows.append([str(3000100200 + o * 7), when.strftime("%d/%m/%Y %H:%M"), name, f"VN{p + 1:04d}", q,
                     thousands_dot(price) + "₫", thousands_dot(price * q) + "₫", names[c], phones[c], provs[c],
                     "Đã giao hàng"])
    header = ["Mã đơn hàng", "Ngày đặt hàng", "Tên sản phẩm", "Mã SKU", "Số lượng", "Đơn giá", "Thành tiền",
              "Tên người mua", "Số điện thoại", "Tỉnh/Thành phố", "Trạng thái"]
    write_rows("lazada_vn_don_hang.csv", header, rows)
    expect("lazada_vn_don_hang.csv", "order_lines", {
        "Mã đơn hàng": col("order"), "Ngày đặt hàng": col("date"), "Tên sản phẩm": col("item"),
        "Mã SKU": col(["item"]), "Số lượng": col("quantity"), "Đơn giá": col("price"),
        "Thành tiền": col("amount"), "Tên người mua": col(PERSON_NAME, "name"),
        "Số điện thoại": col(CONTACT, "phone"), "Tỉnh/Thành phố": col(LOCATION),
        "Trạng thái": col(STATUS),
    }, basket_columns=[["Mã đơn hàng"]], item_column=["Tên sản phẩm", "Mã SKU"],
        kind="Lazada Vietnam order export (Vietnamese headers, '150.000₫', dd/mm/yyyy)")


def mercadolibre(rng):
    prods = [("Auriculares Inalámbricos Bluetooth", 15999.0), ("Mate De Calabaza Con Bombilla", 8500.0),
             ("Zapatillas Running Hombre", 45999.0), ("Funda Silicona iPhone 13", 3999.0),
             ("Termo Acero Inoxidable 1l", 22990.0), ("Mochila Urbana Notebook", 18750.0)]
    months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
              "octubre", "noviembre", "diciembre"]
    buyers = [f"{rng.choice(['Juan', 'María', 'Lucía', 'Martín', 'Sofía', 'Diego'])} {rng.choice(['Gómez', 'Fernández', 'López', 'Díaz', 'Pérez'])}" for _ in range(25)]
    rows, when = [], dt.datetime(2023, 3, 2, 10)
    for i in range(70):
        when += dt.timedelta(hours=rng.randint(1, 14), minutes=rng.randint(0, 59))
        name, price = prods[rng.randrange(len(prods))]
        q = rng.choice([1, 1, 1, 2, 3])
        rows.append([str(2000005112233 + i * 17), f"{when.day} de {months[when.month - 1]} de {when.year} {when:%H:%M} hs.",
                     rng.choice(["Entregado", "Entregado", "En camino", "Cancelada por el comprador"]), q,
                     money(price), money(price * q), name, f"MLA{rng.randint(100000000, 999999999)}",
                     rng.choice(buyers), rng.choice(["Buenos Aires", "Córdoba", "Rosario", "Mendoza"])])
    header = ["# de venta", "Fecha de venta", "Estado", "Unidades", "Precio unitario de venta de la publicación (ARS)",
              "Total (ARS)", "Título de la publicación", "# de publicación", "Comprador", "Ciudad"]
    write_rows("mercadolibre_ventas.csv", header, rows)
    expect("mercadolibre_ventas.csv", ["order_lines", "table"], {
        "# de venta": col(["order", "identifier"]), "Fecha de venta": col(["date", "text"]),
        "Estado": col(STATUS), "Unidades": col("quantity"),
        "Precio unitario de venta de la publicación (ARS)": col("price"), "Total (ARS)": col("amount"),
        "Título de la publicación": col("item"), "# de publicación": col(["item", "identifier"]),
        "Comprador": col(["customer"], "name"), "Ciudad": col(LOCATION),
    }, kind="Mercado Libre Argentina 'Ventas' export (Spanish, '2 de marzo de 2023 14:05 hs.')",
        note="one sale per row: order lines with single-item orders, or a table; dates in Spanish words "
             "are a stretch, so 'text' is accepted; '# de publicación' is a random listing id per row")


def flipkart(rng):
    prods = [("SHTFM2X", "Men Slim Fit Checkered Casual Shirt", 499.0), ("MOBGH7K", "Tempered Glass Guard", 199.0),
             ("WATFK9Z", "Analog Watch - For Men", 1299.0), ("BTLQ2ZZ", "Steel Water Bottle 1 L", 349.0),
             ("KURT8YY", "Women Printed Cotton Kurta", 799.0), ("EARH6TT", "Wired Earphones with Mic", 249.0)]
    lines = order_lines(rng, 45, prods, list(range(20)), dt.datetime(2023, 10, 1, 9), max_lines=2)
    buyers = [f"{rng.choice(['Rahul', 'Priya', 'Amit', 'Sneha', 'Vikram', 'Anjali'])} {rng.choice(['Sharma', 'Verma', 'Iyer', 'Reddy', 'Gupta'])}" for _ in range(20)]
    cities = [rng.choice([("Bengaluru", "560034"), ("Mumbai", "400053"), ("Pune", "411014"), ("Chennai", "600040"), ("Delhi", "110085")]) for _ in range(20)]
    rows = []
    for k, (o, line, when, c, p, q) in enumerate(lines):
        sku, title, price = prods[p]
        rows.append([f"OD4{29000000000000000 + o * 131}", f"{23000000000000 + k * 7}", when.strftime("%d-%m-%Y"),
                     sku, title, q, f"₹{price:,.2f}", f"₹{price * q:,.2f}", buyers[c], cities[c][0], cities[c][1]])
    header = ["Order Id", "Order Item ID", "Order Date", "SKU", "Product Title", "Quantity",
              "Selling Price Per Item", "Invoice Amount", "Buyer name", "Ship to city", "Pincode"]
    write_rows("flipkart_orders.csv", header, rows)
    expect("flipkart_orders.csv", "order_lines", {
        "Order Id": col("order"), "Order Item ID": col(["identifier"]), "Order Date": col("date"),
        "SKU": col(["item"]), "Product Title": col("item"), "Quantity": col("quantity"),
        "Selling Price Per Item": col("price"), "Invoice Amount": col("amount"),
        "Buyer name": col(PERSON_NAME, "name"), "Ship to city": col(LOCATION),
        "Pincode": col(LOCATION + ["identifier"], SKIP),
    }, basket_columns=[["Order Id"]], item_column=["Product Title", "SKU"],
        kind="Flipkart seller orders (INR '₹1,299.00', dd-mm-yyyy, quoted because of the comma)")


ZH_PRODUCTS = [("SP1001", "云南小粒咖啡豆 500g", 68.0), ("SP1002", "手冲咖啡壶 600ml", 129.0),
               ("SP1003", "挂耳咖啡 10片装", 39.9), ("SP1004", "陶瓷马克杯", 45.0),
               ("SP1005", "冷萃咖啡液 6瓶", 59.0), ("SP1006", "磨豆机 手摇", 158.0),
               ("SP1007", "滤纸 100张", 12.5)]


def youzan(rng):
    ppl = zh_people(rng, 20)
    lines = order_lines(rng, 50, ZH_PRODUCTS, ppl, dt.datetime(2023, 5, 1, 8), max_lines=3)
    nos, rows = {}, []
    for o, line, when, c, p, q in lines:
        no = nos.setdefault(o, "E" + when.strftime("%Y%m%d%H%M%S") + f"{rng.randint(10000000, 99999999)}")
        code, name, price = ZH_PRODUCTS[p]
        pp = ppl[c]
        rows.append([no, when.strftime("%Y-%m-%d %H:%M:%S"), name, code, rng.choice(["默认", "标准装", "礼盒装"]),
                     money(price), q, money(price * q), pp["nick"], pp["name"], pp["phone"], pp["address"],
                     "交易成功"])
    header = ["订单号", "下单时间", "商品名称", "商品编码", "规格", "商品单价", "商品数量", "商品实付金额",
              "买家昵称", "收货人姓名", "收货人手机号", "收货地址", "订单状态"]
    write_rows("youzan_orders.csv", header, rows)
    expect("youzan_orders.csv", "order_lines", {
        "订单号": col("order"), "下单时间": col("date"), "商品名称": col("item"), "商品编码": col(["item"]),
        "规格": col(["category", "item", "text"]), "商品单价": col("price"), "商品数量": col("quantity"),
        "商品实付金额": col("amount"), "买家昵称": col("customer"), "收货人姓名": col(PERSON_NAME, "name"),
        "收货人手机号": col(CONTACT, "phone"), "收货地址": col(ADDRESS, "address"), "订单状态": col(STATUS),
    }, basket_columns=[["订单号"]], item_column=["商品名称", "商品编码"], kind="有赞 (Youzan) 订单导出")


def douyin(rng):
    ppl = zh_people(rng, 20)
    lines = order_lines(rng, 45, ZH_PRODUCTS, ppl, dt.datetime(2023, 7, 1, 19), max_lines=3)
    rows = []
    for k, (o, line, when, c, p, q) in enumerate(lines):
        code, name, price = ZH_PRODUCTS[p]
        pp = ppl[c]
        main = 4900000000000000000 + o * 1117
        rows.append([str(main), str(main + 1 + line), name, "默认规格", q, str(3500000000000000 + p * 31), code,
                     money(price), money(price * q), when.strftime("%Y/%m/%d %H:%M:%S"), pp["name"],
                     pp["phone"][:3] + "****" + pp["phone"][7:], pp["province"], pp["city"],
                     rng.choice(["咖啡小馆直播间", "豆子哥", "自然流量"]), "已完成"])
    header = ["主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID", "商家编码", "商品单价",
              "订单应付金额", "订单提交时间", "收件人", "收件人手机号", "省", "市", "达人昵称", "订单状态"]
    write_rows("douyin_shop_orders.csv", header, rows, encoding="utf-8", bom=True)
    expect("douyin_shop_orders.csv", "order_lines", {
        "主订单编号": col("order"), "子订单编号": col(["identifier"]), "选购商品": col("item"),
        "商品规格": col(["category", "text", "item"]), "商品数量": col("quantity"), "商品ID": col(["item"]),
        "商家编码": col(["item"]), "商品单价": col("price"), "订单应付金额": col("amount"),
        "订单提交时间": col("date"), "收件人": col(PERSON_NAME, "name"),
        "收件人手机号": col(CONTACT, SKIP), "省": col(LOCATION), "市": col(LOCATION),
        "达人昵称": col(["category"]), "订单状态": col(STATUS),
    }, basket_columns=[["主订单编号"]], item_column=["选购商品", "商品ID", "商家编码"],
        kind="抖店 (Douyin shop) 订单导出, masked phones '138****1234', 19-digit ids, BOM",
        note="'商品规格' is constant ('默认规格'); the masked phone is debatable personal data (not scored)")


def kuaishou(rng):
    ppl = zh_people(rng, 18)
    prods = [("KS-01", "东北大米 5kg", 49.9), ("KS-02", "五常稻花香 10kg", 119.0), ("KS-03", "小米 2.5kg", 32.8),
             ("KS-04", "黑龙江大豆油 5L", 79.0), ("KS-05", "红枣 1kg", 28.0), ("KS-06", "木耳 250g", 35.0)]
    lines = order_lines(rng, 40, prods, ppl, dt.datetime(2023, 8, 10, 20), max_lines=2)
    rows = []
    for o, line, when, c, p, q in lines:
        code, name, price = prods[p]
        pp = ppl[c]
        rows.append([str(2308000000000000 + o * 97), name, code, q, money(price), money(price * q),
                     when.strftime("%Y-%m-%d %H:%M:%S"), pp["name"], pp["phone"], pp["address"], "交易成功"])
    header = ["订单号", "商品名称", "SKU编码", "成交数量", "商品单价", "实付款", "下单时间", "收货人", "联系电话",
              "收货地址", "订单状态"]
    write_rows("kuaishou_orders_gbk.csv", header, rows, encoding="gbk")
    expect("kuaishou_orders_gbk.csv", "order_lines", {
        "订单号": col("order"), "商品名称": col("item"), "SKU编码": col(["item"]), "成交数量": col("quantity"),
        "商品单价": col("price"), "实付款": col("amount"), "下单时间": col("date"),
        "收货人": col(PERSON_NAME, "name"), "联系电话": col(CONTACT, "phone"),
        "收货地址": col(ADDRESS, "address"), "订单状态": col(STATUS),
    }, basket_columns=[["订单号"]], item_column=["商品名称", "SKU编码"], encoding="gbk", kind="快手小店 订单导出, GBK")


MENU = [("宫保鸡丁", 28.0), ("鱼香肉丝", 26.0), ("麻婆豆腐", 18.0), ("米饭", 2.0), ("酸辣土豆丝", 15.0),
        ("可乐", 5.0), ("红烧牛肉面", 32.0), ("水煮鱼", 58.0)]


def meituan(rng):
    lines = order_lines(rng, 60, MENU, [0], dt.datetime(2023, 11, 1, 11), max_lines=4, step_hours=(0, 3))
    totals = {}
    for o, line, when, c, p, q in lines:
        totals[o] = totals.get(o, 0) + MENU[p][1] * q
    rows = []
    for o, line, when, c, p, q in lines:
        name, price = MENU[p]
        rows.append([str(80123400000 + o * 13),
                     when.strftime("%Y-%m-%d %H:%M"), name, q, money(price), money(price * q),
                     money(totals[o] - 3), money(round(totals[o] * 0.82 - 3, 2)), "已完成"])
    header = ["订单编号", "下单时间", "菜品名称", "份数", "单价", "菜品总价", "顾客实付", "商家实收", "订单状态"]
    write_rows("meituan_waimai_orders.csv", header, rows)
    expect("meituan_waimai_orders.csv", "order_lines", {
        "订单编号": col("order"), "下单时间": col("date"), "菜品名称": col("item"), "份数": col("quantity"),
        "单价": col("price"), "菜品总价": col("amount"), "顾客实付": col("amount"), "商家实收": col("amount"),
        "订单状态": col(STATUS),
    }, basket_columns=[["订单编号"]], item_column=["菜品名称"],
        kind="美团外卖 商家订单明细 (菜品, 份数, 实收)")


def eleme(rng):
    lines = order_lines(rng, 50, MENU, [0], dt.datetime(2023, 12, 1, 11), max_lines=3, step_hours=(0, 4))
    rows = []
    for o, line, when, c, p, q in lines:
        name, price = MENU[p]
        rows.append([str(5038000000000000000 + o * 1009), when.strftime("%Y-%m-%d %H:%M:%S"), name,
                     f"{name}(大份)" if q > 2 else name, q, money(price), money(price * q)])
    header = ["订单号", "下单时间", "商品", "规格名称", "数量", "原价", "小计"]
    write_rows("eleme_orders.tsv", header, rows, sep="\t")
    expect("eleme_orders.tsv", "order_lines", {
        "订单号": col("order"), "下单时间": col("date"), "商品": col("item"),
        "规格名称": col(["item", "category", "text"]), "数量": col("quantity"), "原价": col("price"),
        "小计": col("amount"),
    }, basket_columns=[["订单号"]], item_column=["商品", "规格名称"], kind="饿了么 订单明细, tab-separated")


def east_asian_shop(rng, fname, encoding, kind, prods, names, header, order_no, date_fmt, phone, regions):
    """An order-line export whose ten columns are, in this order: order, date, product code,
    product name, quantity, unit price, line amount, buyer name, phone, region."""
    lines = order_lines(rng, 40, prods, names, dt.datetime(2023, 2, 10, 9), max_lines=3)
    rows = []
    for o, line, when, c, p, q in lines:
        code, name, price = prods[p]
        rows.append([order_no(when, o), when.strftime(date_fmt), code, name, q, price, price * q, names[c],
                     phone(), rng.choice(regions)])
    write_rows(fname, header, rows, encoding=encoding)
    roles = [col("order"), col("date"), col(["item"]), col("item"), col("quantity"), col("price"), col("amount"),
             col(PERSON_NAME, "name"), col(CONTACT, "phone"), col(LOCATION)]
    expect(fname, "order_lines", dict(zip(header, roles)), basket_columns=[[header[0]]],
           item_column=[header[3], header[2]], encoding=encoding, kind=kind)


def big5_shop(rng):
    prods = [("T001", "高山烏龍茶 150g", 450), ("T002", "日月潭紅茶 茶包", 320), ("T003", "鳳梨酥 12入", 380),
             ("T004", "牛軋糖 禮盒", 420), ("T005", "芒果乾 200g", 260), ("T006", "手工麵線", 150)]
    names = [rng.choice("陳林黃張李王吳劉蔡楊") + rng.choice(["志明", "淑芬", "美玲", "建宏", "雅婷", "家豪", "怡君"]) for _ in range(18)]
    east_asian_shop(rng, "taiwan_shop_big5.csv", "big5", "Taiwanese shop order export (traditional Chinese, Big5)",
                    prods, names, ["訂單編號", "訂購日期", "商品編號", "商品名稱", "數量", "單價", "小計", "訂購人", "手機", "縣市"],
                    lambda when, o: f"TW{when:%Y%m%d}{o:04d}", "%Y/%m/%d",
                    lambda: "09" + str(rng.randint(10000000, 99999999)), ["臺北市", "新北市", "臺中市", "高雄市", "臺南市"])


def shiftjis_shop(rng):
    prods = [("A-101", "緑茶ティーバッグ 50包", 980), ("A-102", "抹茶パウダー 100g", 1580), ("B-201", "醤油せんべい", 540),
             ("B-202", "羊羹 詰め合わせ", 2160), ("C-301", "今治タオル", 1650), ("C-302", "手ぬぐい 桜", 880)]
    names = [rng.choice(["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺"]) + " " + rng.choice(["太郎", "花子", "健", "美咲", "翔", "陽菜"]) for _ in range(18)]
    east_asian_shop(rng, "japan_shop_sjis.csv", "shift_jis", "Japanese (Rakuten-style) order export, Shift-JIS",
                    prods, names, ["注文番号", "注文日時", "商品番号", "商品名", "数量", "単価", "金額", "購入者名", "電話番号", "都道府県"],
                    lambda when, o: f"123456-{when:%Y%m%d}-{o:05d}", "%Y/%m/%d %H:%M:%S",
                    lambda: f"0{rng.choice([3, 6, 90, 80])}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
                    ["東京都", "大阪府", "北海道", "福岡県", "愛知県"])


def uk_cp1252(rng):
    prods = [("Café au lait mug", 8.5), ("Crème brûlée torch", 24.0), ("Earl Grey tea 250g", 6.25),
             ("Jalapeño relish", 3.95), ("Piñata – small", 12.0), ("Scone mix", 4.4)]
    ppl = people(rng, 15)
    lines = order_lines(rng, 40, prods, ppl, dt.datetime(2023, 1, 9, 9), max_lines=3)
    rows = []
    for o, line, when, c, p, q in lines:
        name, price = prods[p]
        rows.append([f"UK-{5000 + o}", when.strftime("%d/%m/%Y"), name, q, f"£{price:.2f}", f"£{price * q:.2f}",
                     ppl[c]["name"], rng.choice(["London", "Leeds", "Bristol", "York"])])
    header = ["Order No", "Order Date", "Description", "Qty", "Unit Price", "Line Total", "Customer", "Town"]
    write_rows("uk_shop_cp1252.csv", header, rows, encoding="cp1252")
    expect("uk_shop_cp1252.csv", "order_lines", {
        "Order No": col("order"), "Order Date": col("date"), "Description": col("item"), "Qty": col("quantity"),
        "Unit Price": col("price"), "Line Total": col("amount"), "Customer": col(["customer"], "name"),
        "Town": col(LOCATION),
    }, basket_columns=[["Order No"]], item_column=["Description"],
        encoding="windows-1252", kind="UK shop export in Windows-1252 (café, £, en dash), dd/mm/yyyy")


def stripe(rng):
    custs = [(f"cus_{''.join(rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789') for _ in range(14))}", p["email"]) for p in people(rng, 20)]
    rows, when = [], dt.datetime(2023, 5, 1, 0, 12)
    for i in range(80):
        when += dt.timedelta(hours=rng.randint(1, 12), minutes=rng.randint(0, 59), seconds=rng.randint(0, 59))
        cid, email = rng.choice(custs)
        amount = rng.choice([9.0, 19.0, 49.0, 99.0, 14.99, 29.5])
        status = rng.choice(["Paid", "Paid", "Paid", "Refunded", "Failed"])
        rows.append(["ch_3" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789") for _ in range(23)),
                     f"Subscription update", when.strftime("%Y-%m-%d %H:%M:%S"), money(amount),
                     money(amount if status == "Refunded" else 0.0), "usd", money(round(amount * 0.029 + 0.3, 2)),
                     status, cid, email, rng.choice(["Visa", "MasterCard", "American Express"]),
                     f"{rng.randint(0, 9999):04d}"])
    header = ["id", "Description", "Created (UTC)", "Amount", "Amount Refunded", "Currency", "Fee", "Status",
              "Customer ID", "Customer Email", "Card Brand", "Card Last4"]
    write_rows("stripe_payments.csv", header, rows, newline="\n")
    expect("stripe_payments.csv", "table", {
        "id": col(["identifier", "order"]), "Description": col(["category", "text"]),
        "Created (UTC)": col("date"), "Amount": col("amount"), "Amount Refunded": col(["amount", "feature"]),
        "Currency": col(["category"]), "Fee": col(["amount", "feature"]), "Status": col(STATUS + ["target"]),
        "Customer ID": col("customer"), "Customer Email": col(CONTACT, "email"),
        "Card Brand": col(["category"]), "Card Last4": col(["identifier", "feature", "category", "text"], SKIP),
    }, kind="Stripe payments export (Created (UTC), amounts in currency units, ch_/cus_ ids)",
        note="'Description' is constant")


def paypal(rng):
    ppl = people(rng, 20)
    rows, when, bal = [], dt.datetime(2023, 3, 1, 9), 1000.0
    for i in range(60):
        when += dt.timedelta(hours=rng.randint(2, 30), minutes=rng.randint(0, 59))
        p = rng.choice(ppl)
        gross = rng.choice([12.0, 25.0, 40.0, 65.0, 110.0])
        fee = -round(gross * 0.0349 + 0.49, 2)
        bal += gross + fee
        rows.append([when.strftime("%m/%d/%Y"), when.strftime("%H:%M:%S"), "PST", p["name"],
                     rng.choice(["Express Checkout Payment", "Website Payment", "Mobile Payment"]), "Completed",
                     "USD", f"{gross:,.2f}", f"{fee:,.2f}", f"{gross + fee:,.2f}", p["email"], "shop@example.com",
                     "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXY") for _ in range(17)),
                     rng.choice(["Hand-thrown bowl", "Linen apron", "Beeswax candle", ""]), rng.choice([1, 1, 2]),
                     f"{bal:,.2f}"])
    header = ["Date", "Time", "TimeZone", "Name", "Type", "Status", "Currency", "Gross", "Fee", "Net",
              "From Email Address", "To Email Address", "Transaction ID", "Item Title", "Quantity", "Balance"]
    write_rows("paypal_activity.csv", header, rows, quote_all=True)
    expect("paypal_activity.csv", "table", {
        "Date": col("date"), "Time": col(["date", "feature", "text", "category"]), "TimeZone": col(["category"]),
        "Name": col(PERSON_NAME, "name"), "Type": col(["category"]), "Status": col(STATUS),
        "Currency": col(["category"]), "Gross": col("amount"), "Fee": col(["amount", "feature"]),
        "Net": col("amount"), "From Email Address": col(CONTACT, "email"),
        "To Email Address": col(["category", "identifier", "text"], SKIP),
        "Transaction ID": col(["identifier", "order"]), "Item Title": col(["item", "category"]),
        "Quantity": col("quantity"), "Balance": col(["amount", "feature"]),
    }, kind="PayPal activity download (all quoted, mm/dd/yyyy, separate Time column)",
        note="one row per payment: a table; the Item Title/Quantity columns make order lines of one item "
             "debatable but there is no order key")


def google_analytics(rng):
    prods = [("Google Bike Jersey", "GGOEGAPB", "Apparel"), ("Google Sunglasses", "GGOEGHPB", "Accessories"),
             ("YouTube Twill Cap", "GGOEYHPA", "Headgear"), ("Android Lunch Kit", "GGOEAKIT", "Lifestyle"),
             ("Google Laptop Sticker", "GGOEGFKA", "Office"), ("Google Water Bottle", "GGOEGDWC", "Drinkware"),
             ("Chrome Dino Pin", "GGOECPIN", "Lifestyle"), ("Google Badge Holder", "GGOEGBHR", "Office")]
    extra = [(f"Google Tee {c}", f"GGOEGT{c}", "Apparel") for c in ["BL", "RD", "GR", "YW", "PK", "WH", "NV", "BK"]]
    extra += [(f"Google Mug {c}", f"GGOEGM{c}", "Drinkware") for c in ["01", "02", "03", "04", "05", "06"]]
    rows = []
    for name, sku, cat in prods + extra:
        q = rng.randint(5, 400)
        up = rng.randint(3, max(3, q - 1))
        price = rng.choice([4.0, 9.99, 16.99, 22.0, 35.0, 48.0])
        rows.append([name, sku, cat, up, q, f"${price * q:,.2f}", f"${price:.2f}", f"{q / up:.2f}"])
    pre = ["# ----------------------------------------", "# Ecommerce", "# Product Performance",
           "# 20230101-20230331", "# ----------------------------------------", ""]
    header = ["Product", "Product SKU", "Product Category (Enhanced Ecommerce)", "Unique Purchases", "Quantity",
              "Product Revenue", "Avg. Price", "Avg. QTY"]
    write_rows("google_analytics_products.csv", header, rows, pre_lines=pre, newline="\n")
    expect("google_analytics_products.csv", "table", {
        "Product": col(["item", "identifier", "text"]), "Product SKU": col(["item", "identifier"]),
        "Product Category (Enhanced Ecommerce)": col(["category"]),
        "Unique Purchases": col(["quantity", "feature"]), "Quantity": col("quantity"),
        "Product Revenue": col("amount"), "Avg. Price": col("price"), "Avg. QTY": col(["quantity", "feature"]),
    }, kind="Google Analytics (UA) product performance export with '# ----' comment lines on top",
        note="one row per product (an aggregate table); the comment block must not become the header")


def instacart(rng):
    rows = []
    for o in range(60):
        k = rng.randint(1, 8)
        for pos, pid in enumerate(rng.sample(range(1, 120), k)):
            rows.append([1000 + o * 3, pid * 97 % 49688, pos + 1, rng.choice([0, 1, 1])])
    header = ["order_id", "product_id", "add_to_cart_order", "reordered"]
    write_rows("instacart_order_products.csv", header, rows[:300], newline="\n")
    expect("instacart_order_products.csv", "order_lines", {
        "order_id": col("order"), "product_id": col("item"), "add_to_cart_order": col(["feature", "quantity"]),
        "reordered": col(["feature", "target"]),
    }, basket_columns=[["order_id"]], item_column=["product_id"],
        kind="Instacart order_products__prior.csv shape (all integers)",
        note="'add_to_cart_order' is a position within the basket, not a quantity; quantity accepted anyway")


def rfm_table(rng):
    rows = []
    for i in range(120):
        last = dt.date(2023, 12, 31) - dt.timedelta(days=rng.randint(0, 400))
        f = rng.randint(1, 40)
        rows.append([f"C{10000 + i * 7}", last.isoformat(), f, money(f * rng.uniform(12, 140)),
                     rng.choice(["United Kingdom", "Germany", "France", "EIRE", "Spain"])])
    header = ["CustomerID", "LastOrderDate", "Frequency", "Monetary", "Country"]
    write_rows("rfm_customer_summary.csv", header, rows, newline="\n")
    expect("rfm_customer_summary.csv", "table", {
        "CustomerID": col(["customer", "identifier"]), "LastOrderDate": col("date"),
        "Frequency": col(["feature", "quantity"]), "Monetary": col(["amount", "feature"]),
        "Country": col(LOCATION + ["target"]),
    }, kind="customer summary for RFM (customer ids start with C)")


def inventory(rng):
    rows = []
    for i in range(80):
        on_hand = rng.randint(0, 500)
        cost = round(rng.uniform(0.5, 80), 2)
        rows.append([f"SKU-{10000 + i * 13}", f"{rng.choice(['Bolt', 'Nut', 'Washer', 'Hinge', 'Bracket', 'Screw'])} "
                     f"{rng.choice(['M4', 'M6', 'M8', 'M10'])} {rng.choice(['zinc', 'steel', 'brass'])}",
                     rng.choice(["WH-A", "WH-B", "Store 1"]), on_hand, rng.choice([10, 20, 50, 100]), money(cost),
                     money(on_hand * cost), (dt.date(2023, 11, 1) - dt.timedelta(days=rng.randint(0, 90))).isoformat()])
    header = ["SKU", "Product Name", "Location", "On Hand", "Reorder Point", "Unit Cost", "Stock Value",
              "Last Received"]
    write_rows("inventory_snapshot.csv", header, rows)
    expect("inventory_snapshot.csv", "table", {
        "SKU": col(["identifier", "item"]), "Product Name": col(["item", "text", "category"]),
        "Location": col(["category"]), "On Hand": col("quantity"), "Reorder Point": col(["quantity", "feature"]),
        "Unit Cost": col("price"), "Stock Value": col("amount"), "Last Received": col("date"),
    }, kind="inventory / stock snapshot (one row per SKU)")


def marketing_spend(rng):
    rows = []
    start = dt.date(2023, 1, 2)
    for w in range(26):
        for ch in ["Google Ads", "Meta", "TikTok"]:
            spend = round(rng.uniform(200, 3000), 2)
            imp = int(spend * rng.uniform(80, 200))
            clicks = int(imp * rng.uniform(0.005, 0.03))
            conv = int(clicks * rng.uniform(0.01, 0.08))
            rows.append([(start + dt.timedelta(weeks=w)).isoformat(), ch, money(spend), imp, clicks, conv,
                         money(conv * rng.uniform(30, 90))])
    header = ["Week Starting", "Channel", "Spend", "Impressions", "Clicks", "Conversions", "Revenue"]
    write_rows("marketing_spend_by_channel.csv", header, rows, newline="\n")
    expect("marketing_spend_by_channel.csv", ["table", "time_series"], {
        "Week Starting": col("date"), "Channel": col(["category"]), "Spend": col(["amount", "feature"]),
        "Impressions": col(["feature", "quantity"]), "Clicks": col(["feature", "quantity"]),
        "Conversions": col(["feature", "quantity", "target"]), "Revenue": col(["amount", "target"]),
    }, frequency=["weekly", None], kind="marketing spend per channel per week (long form)",
        note="three rows per week (one per channel): a panel; table or weekly series both defensible")


def monthly_pivot(rng):
    months = [dt.date(2023, m, 1).strftime("%b %Y") for m in range(1, 13)]
    rows = []
    for i in range(30):
        vals = [rng.randint(0, 250) for _ in months]
        rows.append([f"Product {chr(65 + i % 26)}{i // 26 or ''}", rng.choice(["Tea", "Coffee", "Snacks"])] + vals + [sum(vals)])
    header = ["Product", "Category"] + months + ["Total"]
    write_rows("monthly_units_pivot_wide.csv", header, rows)
    cols = {"Product": col(["item", "identifier", "text"]), "Category": col(["category"]),
            "Total": col(["quantity", "feature", "amount"])}
    for m in months:
        cols[m] = col(["quantity", "feature", "amount"])
    expect("monthly_units_pivot_wide.csv", "table", cols,
           kind="wide pivot: product rows x month columns ('Jan 2023'...) with a Total column",
           note="trap: months are column headers, so this is not a long-form time series")


def hourly(rng):
    rows, t = [], dt.datetime(2023, 5, 1, 0)
    for h in range(24 * 8):
        base = 5 + 40 * max(0.0, 1 - abs((t.hour - 13) / 7))
        v = int(base + rng.randint(0, 10))
        rows.append([t.strftime("%Y-%m-%d %H:00"), v, money(v * rng.uniform(8, 14))])
        t += dt.timedelta(hours=1)
    write_rows("hourly_store_traffic.csv", ["timestamp", "visitors", "sales"], rows, newline="\n")
    expect("hourly_store_traffic.csv", "time_series", {
        "timestamp": col("date"), "visitors": col(["quantity", "feature", "target"]),
        "sales": col(["amount", "target"]),
    }, frequency=["hourly"], kind="hourly store traffic and sales, 8 days")


def isoweek(rng):
    rows = []
    for i in range(60):
        rows.append([f"{2022 + i // 52}-W{(i % 52) + 1:02d}", rng.randint(200, 600)])
    write_rows("weekly_iso_week_units.csv", ["week", "units_sold"], rows, newline="\n")
    expect("weekly_iso_week_units.csv", "time_series", {
        "week": col("date"), "units_sold": col(["quantity", "target"]),
    }, frequency=["weekly"], kind="weekly series labelled '2022-W05'")


def quarterly(rng):
    rows = []
    for i in range(24):
        rows.append([f"Q{i % 4 + 1}-{2017 + i // 4}", money(1000 + 50 * i + rng.uniform(-80, 80) + (120 if i % 4 == 3 else 0))])
    write_rows("quarterly_revenue_q_dash_year.csv", ["Quarter", "Revenue"], rows, newline="\n")
    expect("quarterly_revenue_q_dash_year.csv", "time_series", {
        "Quarter": col("date"), "Revenue": col(["amount", "target"]),
    }, frequency=["quarterly"], kind="quarterly series labelled 'Q1-2017'")


def business_days(rng):
    rows, d = [], dt.date(2023, 1, 2)
    while len(rows) < 130:
        if d.weekday() < 5:
            rows.append([d.isoformat(), rng.randint(40, 90), money(rng.uniform(800, 2200))])
        d += dt.timedelta(days=1)
    write_rows("daily_weekdays_only.csv", ["date", "orders", "revenue"], rows, newline="\n")
    expect("daily_weekdays_only.csv", "time_series", {
        "date": col("date"), "orders": col(["quantity", "feature", "target"]), "revenue": col(["amount", "target"]),
    }, frequency=["daily", "business_daily", "business_day", "weekday"],
        kind="daily series with weekends missing (business days)")


def yearly(rng):
    rows = [[y, money(5.0e6 * 1.04 ** (y - 2000) + rng.uniform(-2e5, 2e5), 0)] for y in range(2000, 2024)]
    write_rows("yearly_sales_plain_years.csv", ["Year", "Net Sales"], rows, newline="\n")
    expect("yearly_sales_plain_years.csv", "time_series", {
        "Year": col("date"), "Net Sales": col(["amount", "target"]),
    }, frequency=["yearly"], kind="yearly series with the years as plain integers")


GROCERY = ["whole milk", "rolls/buns", "yogurt", "bottled water", "soda", "tropical fruit", "root vegetables",
           "butter", "coffee", "eggs", "sausage", "citrus fruit", "newspapers", "pastry", "brown bread"]


def basket_semicolon(rng):
    lines = []
    for _ in range(120):
        lines.append(";".join(rng.sample(GROCERY, rng.randint(1, 6))))
    with open(os.path.join(OUT, "baskets_semicolon.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    expect("baskets_semicolon.txt", "basket_lines", {},
           kind="one basket per line, items separated by ';' (names with spaces and '/')")


def basket_matrix_x(rng):
    items = ["Bread", "Milk", "Eggs", "Butter", "Cheese", "Apples", "Coffee", "Tea"]
    rows = []
    for t in range(80):
        rows.append([f"T{t + 1:04d}"] + ["X" if rng.random() < 0.3 else "" for _ in items])
    write_rows("basket_matrix_x_marks.csv", ["Transaction"] + items, rows)
    cols = {"Transaction": col(["identifier", "order"])}
    expect("basket_matrix_x_marks.csv", "basket_matrix", cols, matrix_items=items,
           kind="basket matrix with 'X' marks and blanks, id column first",
           note="roles of the item columns are not scored; matrix_item_columns is")


def basket_matrix_total(rng):
    items = ["beer", "chips", "salsa", "diapers", "wipes", "soda", "candy"]
    rows = []
    for t in range(100):
        marks = [1 if rng.random() < 0.28 else 0 for _ in items]
        rows.append(marks + [sum(marks)])
    write_rows("basket_matrix_total_column.csv", items + ["Total"], rows, newline="\n")
    expect("basket_matrix_total_column.csv", "basket_matrix",
           {"Total": col(["quantity", "feature"])}, matrix_items=items,
           kind="0/1 basket matrix without an id column and with a trailing row-total column",
           note="trap: 'Total' counts the items and must not be read as an item (or break the matrix)")


def tsplib(rng, name, ewt):
    n = 30
    lines = [f"NAME : {name.split('.')[0]}", "TYPE : TSP", f"COMMENT : {n} synthetic points (shoplens heldout2)",
             f"DIMENSION : {n}", f"EDGE_WEIGHT_TYPE : {ewt}", "NODE_COORD_SECTION"]
    for i in range(n):
        if ewt == "GEO":
            # DDD.MM degrees.minutes, as TSPLIB GEO wants
            lat = f"{rng.randint(30, 50)}.{rng.randint(0, 59):02d}"
            lon = f"{rng.randint(-120, -75)}.{rng.randint(0, 59):02d}"
            lines.append(f"{i + 1} {lat} {lon}")
        else:
            lines.append(f"{i + 1} {rng.randint(100, 7800)} {rng.randint(100, 5000)}")
    lines.append("EOF")
    with open(os.path.join(OUT, name), "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    expect(name, "route_instance", {}, kind=f"TSPLIB instance, EDGE_WEIGHT_TYPE {ewt}")


def title_row(rng):
    rows, d = [], dt.date(2023, 1, 1)
    for i in range(90):
        d += dt.timedelta(days=rng.randint(0, 3))
        units = rng.randint(1, 40)
        rows.append([d.isoformat(), rng.choice(["North", "South", "East", "West"]),
                     rng.choice(["Widget", "Gadget", "Doohickey", "Gizmo"]), units, money(units * rng.uniform(5, 9))])
    write_rows("sales_report_title_row.csv", ["Date", "Region", "Product", "Units", "Revenue"], rows,
               pre_lines=["Sales report 2023", ""])
    expect("sales_report_title_row.csv", ["table", "order_lines"], {
        "Date": col("date"), "Region": col(LOCATION), "Product": col(["item", "category"]),
        "Units": col("quantity"), "Revenue": col("amount"),
    }, kind="'Sales report 2023' title row and a blank line above the header",
        note="trap: the header is on line 3; transactions without an order key, so table is expected "
             "(order lines grouped by date defensible)")


def loyalty_churn(rng):
    rows = []
    for i in range(150):
        visits = rng.randint(0, 30)
        avg = round(rng.uniform(5, 80), 2)
        churn = "Yes" if (visits < 4 and rng.random() < 0.8) or rng.random() < 0.1 else "No"
        rows.append([i + 1, 880000 + i * 37, (dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 1200))).isoformat(),
                     rng.choice(["Bronze", "Silver", "Gold"]), visits, avg, rng.randint(18, 75), churn])
    header = ["", "member_no", "joined", "tier", "visits_90d", "avg_basket_value", "age", "churned"]
    write_rows("loyalty_members_churn.csv", header, rows, newline="\n")
    expect("loyalty_members_churn.csv", "table", {
        "": col(["identifier"]), "member_no": col(["customer", "identifier"]), "joined": col("date"),
        "tier": col(["category", "feature"]), "visits_90d": col(["feature", "quantity"]),
        "avg_basket_value": col(["feature", "amount", "price"]), "age": col(["feature"]), "churned": col("target"),
    }, kind="loyalty member table with an unnamed row-number column and a Yes/No churn label",
        note="the first column has an empty header (pandas to_csv index); the inspector may name it")


def odoo(rng):
    prods = [("[FURN_7800] Desk Combination", 450.0), ("[FURN_0269] Office Chair Black", 120.5),
             ("[E-COM11] Cabinet with Doors", 140.0), ("[FURN_8888] Office Lamp", 40.0),
             ("[FURN_6666] Acoustic Bloc Screens", 295.0), ("[E-COM07] Large Cabinet", 320.0)]
    custs = ["Azure Interior", "Deco Addict", "Gemini Furniture", "Lumber Inc", "Ready Mat", "The Jackson Group",
             "Wood Corner", "YourCompany, Joel Willis"]
    lines = order_lines(rng, 45, prods, custs, dt.datetime(2023, 6, 5, 9), max_lines=4)
    rows = []
    for o, line, when, c, p, q in lines:
        name, price = prods[p]
        rows.append([f"S{o + 1:05d}", when.strftime("%m/%d/%Y %H:%M:%S"), custs[c], name, f"{q:.2f}", money(price),
                     money(price * q), rng.choice(["Mitchell Admin", "Marc Demo"])])
    header = ["Order Reference", "Order Date", "Customer", "Product", "Quantity", "Unit Price", "Subtotal",
              "Salesperson"]
    write_rows("odoo_sale_order_lines.csv", header, rows)
    expect("odoo_sale_order_lines.csv", "order_lines", {
        "Order Reference": col("order"), "Order Date": col("date"), "Customer": col("customer"),
        "Product": col("item"), "Quantity": col("quantity"), "Unit Price": col("price"), "Subtotal": col("amount"),
        "Salesperson": col(["category"]),
    }, basket_columns=[["Order Reference"]], item_column=["Product"],
        kind="Odoo sale.order.line list export (S00001 references, quantities as '2.00', mm/dd/yyyy)",
        note="companies as customers: not personal names")


def zh_daily(rng):
    rows, d = [], dt.date(2023, 3, 1)
    for i in range(120):
        rows.append([f"{d.year}年{d.month}月{d.day}日", money(rng.uniform(3000, 9000)), rng.randint(40, 160)])
        d += dt.timedelta(days=1)
    write_rows("daily_sales_zh_dates.csv", ["日期", "销售额", "订单数"], rows, newline="\n")
    expect("daily_sales_zh_dates.csv", "time_series", {
        "日期": col("date"), "销售额": col(["amount", "target"]), "订单数": col(["quantity", "feature", "target"]),
    }, frequency=["daily"], kind="daily store sales with dates like '2023年3月1日'")


def yyyymm(rng):
    rows = []
    for i in range(48):
        y, m = 2019 + i // 12, i % 12 + 1
        rows.append([f"{y}{m:02d}", rng.randint(800, 1600)])
    write_rows("monthly_period_yyyymm.csv", ["period", "units"], rows, newline="\n")
    expect("monthly_period_yyyymm.csv", "time_series", {
        "period": col("date"), "units": col(["quantity", "target"]),
    }, frequency=["monthly"], kind="monthly ERP series with periods written 201901 (YYYYMM integers)",
        note="debatable: 201901 could be read as a plain integer; the header 'period' and the 12-step "
             "pattern make it a month")


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = random.Random(SEED)
    builders = [magento2, prestashop, opencart, bigcommerce, shopee_id, shopee_en, lazada_vn, mercadolibre,
                flipkart, youzan, douyin, kuaishou, meituan, eleme, big5_shop, shiftjis_shop, uk_cp1252, stripe,
                paypal, google_analytics, instacart, rfm_table, inventory, marketing_spend, monthly_pivot,
                hourly, isoweek, quarterly, business_days, yearly, basket_semicolon, basket_matrix_x,
                basket_matrix_total, title_row, loyalty_churn, odoo, zh_daily, yyyymm]
    for b in builders:
        b(random.Random(f"{SEED}-{b.__name__}"))
    tsplib(random.Random(f"{SEED}-att"), "route_att30.tsp", "ATT")
    tsplib(random.Random(f"{SEED}-geo"), "route_geo30.tsp", "GEO")
    with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump({"_about": "Expected understanding of each file, written by hand from how "
                             "tools/make_heldout2_corpus.py builds it. A role or shape given as a list "
                             "means any of them is right; pii '?' is not scored; frequency null "
                             "for files that are not series.",
                   "files": EXPECTED}, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    with open(os.path.join(OUT, "SOURCE.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("Synthetic data written by tools/make_heldout2_corpus.py (seed %d).\n" % SEED)
        f.write("No real data: every name, phone, e-mail, address, order and product is made up by a seeded\n"
                "random generator. The files only copy the column layout, header language, separators,\n"
                "number/date formats and encodings of the named real exports, as publicly documented:\n\n")
        for name in sorted(EXPECTED):
            f.write(f"{name}: {EXPECTED[name]['kind']}\n")
        f.write("\nLicence: the files are generated by this project and may be used under the project's licence.\n")


if __name__ == "__main__":
    main()
