#!/usr/bin/env python3
"""Writes testdata/understanding/: small files shaped like merchants' real exports, each
crossing a shape (order lines, basket lines, 0/1 matrix, table, time series, route
instance) with a trap (UTF-16 with and without BOM, GBK, mixed encodings, YYYYMMDD,
quarters, member ids starting with C, quoted names with commas, empty matrix rows,
placeholders, row numbers, a bad cell, an unclosed quote, Excel serial dates...).

expected.json says what each file IS, written here by hand from how the file is built,
never from shoplens's output. The native test crates/core/src/schema/corpus_tests.rs reads
every file and checks shoplens's understanding against it.

Standard library only; deterministic (seeded). Run: python3 tools/make_understanding_corpus.py
"""
import datetime
import json
import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "testdata", "understanding")
rng = random.Random(14)
files = {}
expected = {}

ITEMS = ["WHITE HANGING HEART", "WHITE METAL LANTERN", "HAND WARMER", "JUMBO BAG RED",
         "PAPER CHAIN KIT", "LUNCH BAG", "TEA CUP", "ALARM CLOCK"]
ZH_ITEMS = ["自然堂面霜", "百雀羚水", "咖啡", "奶茶", "蛋糕", "面包", "牛奶", "酸奶"]
GROCERIES = ["whole milk", "other vegetables", "rolls/buns", "soda", "yogurt",
             "bottled water", "root vegetables", "tropical fruit", "shopping bags", "sausage"]


def put(name, data, expect):
    """Registers a file (text is written as UTF-8) and what it is."""
    files[name] = data if isinstance(data, bytes) else data.encode("utf-8")
    expected[name] = expect


def csv_lines(rows, sep=","):
    return "".join(sep.join(str(c) for c in row) + "\n" for row in rows)


def day(n, start=datetime.date(2020, 1, 1)):
    return start + datetime.timedelta(days=n)


# ---- order lines ------------------------------------------------------------------
def online_retail_rows(n_orders=8, cancel=False):
    rows = []
    for o in range(n_orders):
        invoice = f"{536365 + o}"
        if cancel and o == 3:
            invoice = "C" + invoice
        for k in range(rng.randint(2, 4)):
            rows.append([invoice, f"{85120 + rng.randint(0, 7)}A", rng.choice(ITEMS), rng.randint(1, 12),
                         f"12/{1 + o}/2010 8:{10 + k}", f"{rng.randint(100, 900) / 100:.2f}",
                         17850 + o % 3, "United Kingdom"])
    return rows


HEAD_OR = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"]
OR_ROLES = {"InvoiceNo": "order", "Description": "item", "Quantity": "quantity",
            "InvoiceDate": "date", "UnitPrice": "price", "CustomerID": "customer"}
rows = online_retail_rows(cancel=True)
put("order_lines_online_retail.csv", csv_lines([HEAD_OR] + rows),
    {"shape": "order_lines", "rows": len(rows), "roles": OR_ROLES, "basket_columns": ["InvoiceNo"],
     "types": {"InvoiceNo": "text", "InvoiceDate": "datetime"}})

rows = []
for o in range(10):
    for k in range(rng.randint(1, 3)):
        rows.append([f"C{1001 + o % 4}", f"SO{5000 + o}", rng.choice(ITEMS), rng.randint(1, 5)])
put("order_lines_member_ids_c.csv", csv_lines([["member_id", "order_id", "product", "qty"]] + rows),
    {"shape": "order_lines", "rows": len(rows),
     "roles": {"member_id": "customer", "order_id": "order", "product": "item", "qty": "quantity"},
     "basket_columns": ["order_id"], "item_column": "product"})

zh_rows = []
for o in range(8):
    for k in range(rng.randint(1, 3)):
        zh_rows.append([f"{202001010 + o}", rng.choice(ZH_ITEMS), rng.randint(1, 3),
                        f"{rng.randint(10, 200)}.00", f"2020-01-{1 + o:02d} 10:{10 + k}:00"])
ZH_HEAD = ["订单号", "商品名称", "数量", "单价", "下单时间"]
ZH_ROLES = {"订单号": "order", "商品名称": "item", "数量": "quantity", "单价": "price", "下单时间": "date"}
put("order_lines_zh_gbk.csv", csv_lines([ZH_HEAD] + zh_rows).encode("gbk"),
    {"shape": "order_lines", "rows": len(zh_rows), "encoding": "gb18030", "roles": ZH_ROLES})

tab_text = csv_lines([ZH_HEAD] + zh_rows, sep="\t").replace("\n", "\r\n")
for name, codec, bom, enc in [("le_bom", "utf-16-le", b"\xff\xfe", "UTF-16LE"),
                              ("be_bom", "utf-16-be", b"\xfe\xff", "UTF-16BE"),
                              ("le_nobom", "utf-16-le", b"", "UTF-16LE"),
                              ("be_nobom", "utf-16-be", b"", "UTF-16BE")]:
    put(f"order_lines_utf16_{name}.txt", bom + tab_text.encode(codec),
        {"shape": "order_lines", "rows": len(zh_rows), "encoding": enc, "roles": ZH_ROLES,
         "first_values": {"商品名称": zh_rows[0][1]}})

mixed = csv_lines([ZH_HEAD] + zh_rows[:4]).encode("gbk")
mixed += csv_lines([["202001099", "咖啡", 1, "30.00", "2020-01-09 10:00:00"]]).encode("utf-8")
mixed += csv_lines(zh_rows[4:]).encode("gbk")
put("order_lines_mixed_utf8_gbk.csv", mixed,
    {"shape": "order_lines", "rows": len(zh_rows) + 1, "roles": ZH_ROLES,
     "warnings": ["mixed_encodings"], "values": {"商品名称": [4, "咖啡"]}})

rows = [["order", "item", "qty"]]
for o in range(8):
    for it in rng.sample(["\"milk, whole\"", "bread", "\"eggs, large\"", "tea"], 2):
        rows.append([f"A{100 + o}", it, 1])
put("order_lines_quoted_commas.csv", csv_lines(rows),
    {"shape": "order_lines", "rows": 16, "roles": {"order": "order", "item": "item", "qty": "quantity"}})

rows = []
for c in range(6):
    for d in range(2):
        for it in rng.sample(GROCERIES, 3):
            rows.append([1000 + c, f"{10 + d:02d}-01-2015", it])
put("order_lines_customer_date.csv", csv_lines([["Member_number", "Date", "itemDescription"]] + rows),
    {"shape": "order_lines", "rows": len(rows),
     "roles": {"Member_number": "customer", "Date": "date", "itemDescription": "item"},
     "basket_columns": ["Member_number", "Date"], "date_order": "day_first"})

rows = [["Invoice", "Product", "Quantity", "Price"]]
for o in range(8):
    for k in range(2):
        rows.append([f"R{700 + o}", rng.choice(ITEMS), rng.randint(1, 4), f"{rng.randint(1, 20)},{rng.randint(10, 99)}"])
put("order_lines_semicolon_decimal_comma.csv", csv_lines(rows, sep=";"),
    {"shape": "order_lines", "rows": 16, "delimiter": ";", "types": {"Price": "decimal"},
     "roles": {"Invoice": "order", "Product": "item", "Price": "price"}})

rows = [["OrderID", "Item", "Qty"]]
for o in range(8):
    rows.append([f"{9000 + o}", rng.choice(ITEMS), 1])
    rows.append([f"{9000 + o}", "NONE" if o % 3 == 0 else rng.choice(ITEMS), 1])
put("order_lines_placeholder_none.csv", csv_lines(rows),
    {"shape": "order_lines", "rows": 16, "roles": {"OrderID": "order", "Item": "item"},
     "placeholders": {"Item": ["NONE", 3]}})

# ---- basket lines -------------------------------------------------------------------
lines = [" ".join(str(i) for i in sorted(rng.sample(range(1, 40), rng.randint(1, 8)))) for _ in range(30)]
put("basket_lines_fimi.dat", "\n".join(lines) + "\n", {"shape": "basket_lines"})
lines = [",".join(rng.sample(GROCERIES, rng.randint(1, 6))) for _ in range(30)]
put("basket_lines_groceries.csv", "\n".join(lines) + "\n", {"shape": "basket_lines"})
lines = [",".join(rng.sample(["\"milk, whole\"", "bread", "\"eggs, large\"", "tea", "jam", "butter"], rng.randint(1, 5)))
         for _ in range(20)]
put("basket_lines_quoted.csv", "\n".join(lines) + "\n", {"shape": "basket_lines"})
lines = [" ".join(rng.sample(["milk", "bread", "eggs", "tea", "jam", "butter", "cheese"], rng.randint(1, 6)))
         for _ in range(20)]
put("basket_lines_spaces.txt", "\n".join(lines) + "\n", {"shape": "basket_lines"})
lines = ["\t".join(rng.sample(ZH_ITEMS, rng.randint(1, 6))) for _ in range(20)]
put("basket_lines_zh_tabs_gbk.txt", ("\n".join(lines) + "\n").encode("gbk"), {"shape": "basket_lines"})

# ---- 0/1 matrices -------------------------------------------------------------------
MITEMS = ["milk", "bread", "eggs", "tea", "jam", "butter"]


def matrix(n, empty_every=0, words=False):
    out = []
    for r in range(n):
        if empty_every and r % empty_every == 0:
            row = [0] * len(MITEMS)
        else:
            row = [rng.randint(0, 1) for _ in MITEMS]
            row[rng.randrange(len(MITEMS))] = 1
        out.append(["True" if v else "False" for v in row] if words else row)
    return out


m = matrix(20)
put("basket_matrix_plain.csv", csv_lines([MITEMS] + m),
    {"shape": "basket_matrix", "rows": 20, "roles": {i: "item" for i in MITEMS}})
m = matrix(20, empty_every=5)
put("basket_matrix_customer_number.csv",
    csv_lines([["Customer Number"] + MITEMS] + [[f"{1000 + i}"] + r for i, r in enumerate(m)]),
    {"shape": "basket_matrix", "rows": 20, "matrix_id_column": "Customer Number", "empty_rows": 4,
     "roles": {"Customer Number": "customer", "milk": "item"}})
m = matrix(30, empty_every=3)
put("basket_matrix_empty_rows_id.csv",
    csv_lines([["id"] + MITEMS] + [[i + 1] + r for i, r in enumerate(m)]),
    {"shape": "basket_matrix", "rows": 30, "matrix_id_column": "id", "empty_rows": 10,
     "roles": {"id": "identifier"}})
m = matrix(15, words=True)
put("basket_matrix_true_false.csv", csv_lines([MITEMS] + m),
    {"shape": "basket_matrix", "rows": 15})

# ---- tables -------------------------------------------------------------------------
rows = [["rownames", "customerID", "gender", "SeniorCitizen", "PhoneService", "tenure", "MonthlyCharges", "Churn"]]
for i in range(1, 41):
    rows.append([i, f"{rng.randint(1000, 9999)}-{''.join(rng.choice('ABCDEFGHJK') for _ in range(5))}",
                 rng.choice(["Male", "Female"]), rng.randint(0, 1), rng.choice(["Yes", "No"]),
                 rng.randint(1, 72), f"{rng.uniform(18, 110):.2f}", rng.choice(["Yes", "No"])])
put("table_telco_rownames.csv", csv_lines(rows),
    {"shape": "table", "rows": 40,
     "roles": {"rownames": "identifier", "customerID": "customer", "gender": "category",
               "PhoneService": "category", "tenure": "feature", "MonthlyCharges": "amount", "Churn": "target"},
     "pii": {"PhoneService": None, "rownames": None, "customerID": None},
     "target": "Churn", "features_exclude": ["rownames", "customerID", "Churn"]})

rows = [["", "TV", "radio", "newspaper", "sales"]]
for i in range(1, 31):
    rows.append([i, f"{rng.uniform(1, 300):.1f}", f"{rng.uniform(0, 50):.1f}", f"{rng.uniform(0, 100):.1f}", f"{rng.uniform(1, 27):.1f}"])
put("table_row_number_unnamed.csv", csv_lines(rows),
    {"shape": "table", "rows": 30, "roles": {"column_1": "identifier", "TV": "feature", "sales": "amount"},
     "features_exclude": ["column_1"]})

rows = [["order_no", "amount"]]
for i in range(20):
    rows.append([f"{1000 + i}", "abc" if i == 2 else rng.randint(5, 500)])
put("table_bad_cell.csv", csv_lines(rows),
    {"shape": "table", "rows": 20, "types": {"amount": "integer"}, "roles": {"amount": "amount"},
     "bad_cells": {"amount": [[4, "abc"]]}})

text = "sku,name,qty\nA1,tea,1\nA2,\"cup,2\nA3,pot,3\nA4,mug,4\n"
put("table_unclosed_quote.csv", text, {"unclosed_quote_line": 3})

NAMES = ["王伟", "李娜", "张敏", "刘洋", "陈静", "杨磊", "黄丽", "赵强", "吴芳", "周杰"]


def china_id(i):
    body = f"11010519{80 + i % 20:02d}0{1 + i % 9}1{i % 10}{rng.randint(100, 999)}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(d) * w for d, w in zip(body, weights))
    return body + "10X98765432"[s % 11]


rows = [["收货人", "手机号码", "email", "身份证号", "收货地址", "订单金额"]]
for i in range(20):
    rows.append([NAMES[i % 10], f"13{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
                 f"user{i}@example.cn", china_id(i),
                 f"浙江省杭州市西湖区文三路{rng.randint(1, 500)}号", f"{rng.randint(10, 900)}.00"])
put("table_personal_data.csv", csv_lines(rows),
    {"shape": "table", "rows": 20,
     "pii": {"收货人": "name", "手机号码": "phone", "email": "email", "身份证号": "chinese_id", "收货地址": "address",
             "订单金额": None},
     "features_exclude": ["收货人", "手机号码", "email", "身份证号", "收货地址"]})

rows = [["customer_id", "signup_date", "orders", "spend"]]
for i in range(20):
    rows.append([f"U{500 + i}", 43831 + i * 3, rng.randint(1, 20), f"{rng.uniform(10, 999):.2f}"])
put("table_excel_serial_dates.csv", csv_lines(rows),
    {"shape": "table", "rows": 20,
     "roles": {"customer_id": "customer", "signup_date": "date", "spend": "amount"}})

rows = [["Channel", "Region", "Fresh", "Milk", "Grocery", "Frozen"]]
for i in range(30):
    rows.append([rng.randint(1, 2), rng.randint(1, 3)] + [rng.randint(3, 60000) for _ in range(4)])
put("table_wholesale.csv", csv_lines(rows),
    {"shape": "table", "rows": 30, "roles": {"Channel": "category", "Region": "category", "Fresh": "feature"}})

rows = [["Administrative", "BounceRates", "PageValues", "Month", "VisitorType", "Weekend", "Revenue"]]
for i in range(40):
    rows.append([rng.randint(0, 10), f"{rng.uniform(0, 0.2):.4f}", f"{rng.uniform(0, 50):.2f}",
                 rng.choice(["Feb", "Mar", "May", "Nov"]), rng.choice(["Returning_Visitor", "New_Visitor"]),
                 rng.choice(["TRUE", "FALSE"]), rng.choice(["TRUE", "FALSE"])])
put("table_sessions_bool_target.csv", csv_lines(rows),
    {"shape": "table", "rows": 40, "target": "Revenue", "target_task": "classification",
     "roles": {"Revenue": "target", "Weekend": "category", "VisitorType": "category"}})

rows = [["客户编号", "性别", "年龄", "城市", "消费金额", "是否流失"]]
for i in range(30):
    rows.append([f"KH{10000 + i * 7}", rng.choice(["男", "女"]), rng.randint(18, 70),
                 rng.choice(["上海", "北京", "杭州"]), f"{rng.uniform(10, 5000):.2f}", rng.choice(["是", "否"])])
put("table_zh_churn.csv", csv_lines(rows),
    {"shape": "table", "rows": 30, "target": "是否流失",
     "roles": {"客户编号": "customer", "城市": "category", "消费金额": "amount", "是否流失": "target"}})

rows = []
for i in range(30):
    d = day(rng.randint(0, 500), datetime.date(1997, 1, 1))
    rows.append([f"{1 + i // 3:05d}", d.strftime("%Y%m%d"), rng.randint(1, 5), f"{rng.uniform(5, 80):.2f}"])
put("table_cdnow_yyyymmdd.txt", "".join("  ".join(map(str, r)) + "\n" for r in rows),
    {"shape": "table", "rows": 30, "delimiter": " ", "types": {"column_2": "datetime", "column_3": "integer"}})

rows = [["date", "store", "receipts"]]
for i in range(20):
    d = day(i * 3, datetime.date(2021, 3, 1))
    rows.append([d.strftime("%d/%m/%Y"), rng.choice(["A", "B"]), rng.randint(10, 90)])
put("table_dates_day_first.csv", csv_lines(rows),
    {"rows": 20, "date_order": "day_first", "date_order_from_data": True, "roles": {"date": "date"}})

rows = [["Kunde", "Umsatz", "Anzahl", "Datum"]]
for i in range(15):
    rows.append([f"K{i % 5}", f"{rng.randint(1, 900)},{rng.randint(10, 99)}", rng.randint(1, 9),
                 day(i * 11).strftime("%d.%m.%Y")])
put("table_european_semicolon.csv", csv_lines(rows, sep=";"),
    {"rows": 15, "delimiter": ";", "types": {"Umsatz": "decimal", "Datum": "datetime"}})

rows = [["sku", "stock", "note"]]
for i in range(12):
    rows.append([f"S{i}", "无" if i in (3, 8) else rng.randint(0, 99), "-" if i % 4 == 0 else "ok"])
put("table_placeholder_wu.csv", csv_lines(rows),
    {"rows": 12, "types": {"stock": "integer"}, "placeholders": {"stock": ["无", 2]}})

# ---- time series --------------------------------------------------------------------
rows = [["date", "sales"]] + [[day(i).isoformat(), rng.randint(50, 150)] for i in range(40)]
put("ts_daily.csv", csv_lines(rows),
    {"shape": "time_series", "frequency": "daily", "rows": 40, "value_column": "sales", "date_column": "date"})
rows = [["Store", "Date", "Weekly_Sales", "IsHoliday"]]
for s in range(1, 4):
    for w in range(12):
        rows.append([s, day(7 * w, datetime.date(2010, 2, 5)).isoformat(), f"{rng.uniform(2e5, 2e6):.2f}",
                     "TRUE" if w == 1 else "FALSE"])
put("ts_weekly_stores.csv", csv_lines(rows),
    {"shape": "time_series", "frequency": "weekly", "rows": 36, "value_column": "Weekly_Sales",
     "roles": {"Store": "category", "Date": "date", "Weekly_Sales": "amount"}})
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
rows = [["Month", "Passengers"]] + [[f"{1987 + i // 12} {months[i % 12]}", rng.randint(100, 600)] for i in range(24)]
put("ts_monthly_year_mon.csv", csv_lines(rows),
    {"shape": "time_series", "frequency": "monthly", "rows": 24, "value_column": "Passengers",
     "types": {"Month": "datetime"}})
rows = [["period", "units"]] + [[f"{months[i % 12]}-{1987 + i // 12}", rng.randint(100, 600)] for i in range(24)]
put("ts_monthly_mon_dash_year.csv", csv_lines(rows),
    {"shape": "time_series", "frequency": "monthly", "rows": 24, "value_column": "units"})
rows = [["月份", "销售额"]] + [[f"{2019 + i // 12}年{1 + i % 12}月", rng.randint(1000, 9000)] for i in range(18)]
put("ts_monthly_zh.csv", csv_lines(rows),
    {"shape": "time_series", "frequency": "monthly", "rows": 18, "value_column": "销售额"})
rows = [["Quarter", "Sales"]] + [[f"{1990 + i // 4} Q{1 + i % 4}", rng.randint(100, 900)] for i in range(16)]
put("ts_quarterly_q.csv", csv_lines(rows),
    {"shape": "time_series", "frequency": "quarterly", "rows": 16, "value_column": "Sales"})
rows = [["季度", "营业额"]] + [[f"{2018 + i // 4}年第{1 + i % 4}季度", rng.randint(100, 900)] for i in range(12)]
put("ts_quarterly_zh.csv", csv_lines(rows),
    {"shape": "time_series", "frequency": "quarterly", "rows": 12, "value_column": "营业额"})
rows = [["Year", "Revenue"]] + [[2001 + i, rng.randint(100, 900)] for i in range(15)]
put("ts_yearly_numbers.csv", csv_lines(rows),
    {"shape": "time_series", "frequency": "yearly", "rows": 15, "value_column": "Revenue",
     "roles": {"Year": "date"}})
rows = [["day", "qty"]] + [[day(i).strftime("%Y%m%d"), rng.randint(1, 30)] for i in range(30)]
put("ts_daily_yyyymmdd.csv", csv_lines(rows),
    {"shape": "time_series", "frequency": "daily", "rows": 30, "types": {"day": "datetime"}, "value_column": "qty"})
rows = [["Date", "Amount"]] + [[43831 + i, rng.randint(1, 30)] for i in range(30)]
put("ts_daily_excel_serial.csv", csv_lines(rows),
    {"shape": "time_series", "frequency": "daily", "rows": 30, "roles": {"Date": "date"}, "value_column": "Amount"})
rows = [["日期", "订单编号", "销量"]] + [[day(i).isoformat(), 880000 + i, rng.randint(1, 30)] for i in range(25)]
put("ts_daily_zh_with_id.csv", csv_lines(rows),
    {"shape": "time_series", "frequency": "daily", "rows": 25, "value_column": "销量",
     "roles": {"订单编号": "order"}})

# ---- route instances ----------------------------------------------------------------
pts = [(i + 1, rng.randint(0, 1000), rng.randint(0, 1000)) for i in range(12)]
tsp = "NAME: kroA12\nTYPE: TSP\nCOMMENT: 12 cities\nDIMENSION: 12\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n"
tsp += "".join(f"{i} {x} {y}\n" for i, x, y in pts) + "EOF\n"
put("route_tsplib.tsp", tsp, {"shape": "route_instance"})
vrp = "NAME : A-n12-k3\nCOMMENT : made up\nTYPE : CVRP\nDIMENSION : 12\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 100\nNODE_COORD_SECTION\n"
vrp += "".join(f" {i} {x} {y}\n" for i, x, y in pts) + "DEMAND_SECTION\n"
vrp += "".join(f"{i} {0 if i == 1 else rng.randint(1, 30)}\n" for i, _, _ in pts) + "DEPOT_SECTION\n 1\n -1\nEOF\n"
put("route_cvrplib.vrp", vrp, {"shape": "route_instance"})

os.makedirs(OUT, exist_ok=True)
for name, data in files.items():
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8") as f:
    json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
    f.write("\n")
with open(os.path.join(OUT, "SOURCE.txt"), "w", encoding="utf-8") as f:
    f.write("Generated by tools/make_understanding_corpus.py (Python standard library, seed 14).\n"
            "No real data: every file is made up in the shape of a real export (UCI Online Retail,\n"
            "Kaggle Groceries, Telco churn, Walmart weekly sales, CDNOW, TSPLIB/CVRPLIB, Tmall).\n"
            "expected.json is written by the script from how each file is built.\n"
            "Licence: CC0.\n")
print(f"{len(files)} files")
