#!/usr/bin/env python3
"""Writes the data-in test files and the reference fixtures the Rust tests check against.

Usage: python3 tools/make_table_fixtures.py [SHARED_DATA_DIR]   (default ../shared/data)

1. Copies the small, freely licensed real data sets the tests read into testdata/<folder>/
   with their SOURCE.txt (GPL arules groceries, CC BY 4.0 UCI Online Retail first 1,071 lines,
   ISLR Advertising).
2. Writes quirk files under testdata/quirks/ (files we wrote ourselves: encodings, delimiters,
   quotes, NUL bytes, ragged rows, XLSX) deterministically.
3. Reads each with the reference tool (pandas 2.3 read_csv/read_excel, pyfim for baskets) and
   writes what it found under testdata/fixtures/*.json, each naming tool, version and script.
Deterministic: running it twice gives identical files.
"""
import json
import os
import shutil
import sys

import numpy as np
import openpyxl
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data")
TESTDATA = os.path.join(ROOT, "testdata")
QUIRKS = os.path.join(TESTDATA, "quirks")
FIXTURES = os.path.join(TESTDATA, "fixtures")
SCRIPT = "tools/make_table_fixtures.py"


def produced_by(tool):
    return {"tool": tool, "script": SCRIPT}


def write_json(name, obj):
    with open(os.path.join(FIXTURES, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1, sort_keys=False, default=lambda o: getattr(o, "__name__", str(o)))
        f.write("\n")


def copy_real(folder, files):
    os.makedirs(os.path.join(TESTDATA, folder), exist_ok=True)
    for name in files + ["SOURCE.txt"]:
        shutil.copyfile(os.path.join(SHARED, folder, name), os.path.join(TESTDATA, folder, name))


def pandas_profile(df):
    """Per column: missing, distinct, and for numbers min/max/mean/median (pandas semantics)."""
    cols = []
    for name in df.columns:
        s = df[name]
        # Text is compared trimmed (shoplens trims cells; pandas keeps the spaces).
        distinct = s.str.strip().nunique(dropna=True) if s.dtype == object else s.nunique(dropna=True)
        entry = {"name": name, "missing": int(s.isna().sum()), "distinct": int(distinct)}
        if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
            entry.update(min=float(s.min()), max=float(s.max()), mean=float(s.mean()), median=float(s.median()))
            counts, edges = np.histogram(s.dropna().to_numpy(dtype=float), bins=10)
            entry["histogram"] = {"tool": f"numpy {np.__version__} histogram(bins=10)",
                                  "counts": [int(c) for c in counts], "edges": [float(e) for e in edges]}
        cols.append(entry)
    return {"rows": int(len(df)), "columns": cols}


def main():
    os.makedirs(QUIRKS, exist_ok=True)
    os.makedirs(FIXTURES, exist_ok=True)
    pdv = f"pandas {pd.__version__}"

    # --- real data, licence permitting -------------------------------------------------
    copy_real("arules-groceries", ["groceries.csv"])
    copy_real("uci-online-retail-first1071", ["OnlineRetail_first1071.csv"])
    copy_real("islr-advertising", ["Advertising.csv"])
    with open(os.path.join(TESTDATA, "arules-groceries", "NOTICE"), "w") as f:
        f.write("groceries.csv is the arules Groceries data (Hahsler, Hornik & Reutterer 2006),\n"
                "distributed with the GPL-3 R package arules; see SOURCE.txt. Used here as test data.\n")

    # Profiles of real tables with pandas.
    adv = pd.read_csv(os.path.join(TESTDATA, "islr-advertising", "Advertising.csv"))
    write_json("profile_advertising.json", {**produced_by(pdv), **pandas_profile(adv)})
    ret = pd.read_csv(os.path.join(TESTDATA, "uci-online-retail-first1071", "OnlineRetail_first1071.csv"))
    prof = pandas_profile(ret)
    prof["invoice_date_min"] = str(pd.to_datetime(ret["InvoiceDate"], format="%m/%d/%Y %H:%M").min())
    prof["invoice_date_max"] = str(pd.to_datetime(ret["InvoiceDate"], format="%m/%d/%Y %H:%M").max())
    write_json("profile_online_retail_first1071.json", {**produced_by(pdv), **prof})

    # --- baskets ---------------------------------------------------------------------------
    import fim  # pyfim: its tid reader is the arules-style reference for "one basket per line"
    with open(os.path.join(TESTDATA, "arules-groceries", "groceries.csv"), encoding="utf-8") as f:
        lines = [l.rstrip("\r\n") for l in f]
    baskets = [[i.strip() for i in l.split(",") if i.strip()] for l in lines if l.strip()]
    distinct = [sorted(set(b)) for b in baskets]
    items = sorted({i for b in distinct for i in b})
    # Cross-check with pyfim: the number of frequent 1-itemsets at support 1 basket = items.
    singles = fim.fpgrowth(distinct, target="s", supp=-1, zmin=1, zmax=1)
    assert len(singles) == len(items)
    top = sorted(((s[1], s[0][0]) for s in singles), key=lambda t: (-t[0], t[1]))[:5]
    write_json("baskets_groceries.json", {
        **produced_by(f"python split/strip + pyfim {fim.version if hasattr(fim, 'version') else '6.28'} fpgrowth"),
        "baskets": len(distinct), "items": len(items),
        "mean_basket_size": float(np.mean([len(b) for b in distinct])),
        "duplicate_items": sum(len(b) - len(set(b)) for b in baskets),
        "top_items": [{"item": i, "count": int(c)} for c, i in top],
        "trimmed_items": sorted({i for l in lines for i in l.split(",") if i != i.strip() and i.strip()}),
    })

    # Order lines: UCI Online Retail, basket = InvoiceNo, item = Description.
    r = ret.copy()
    inv = r["InvoiceNo"].astype(str)
    cancelled = inv.str.startswith("C") | (r["Quantity"] < 0)
    blank = ~cancelled & (r["Description"].isna() | (r["Description"].astype(str).str.strip() == ""))
    zero_qty = ~cancelled & ~blank & (r["Quantity"] == 0)
    kept = r[~cancelled & ~blank & ~zero_qty].copy()
    kept["Description"] = kept["Description"].str.strip()
    per = kept.groupby("InvoiceNo", sort=False)
    sizes = per["Description"].nunique()
    kept["line_revenue"] = kept["Quantity"] * kept["UnitPrice"]
    revenue = per["line_revenue"].sum()
    write_json("baskets_online_retail_first1071.json", {
        **produced_by(pdv + " groupby"),
        "basket_column": "InvoiceNo", "item_column": "Description",
        "quantity_column": "Quantity", "price_column": "UnitPrice",
        "lines": int(len(r)),
        "baskets": int(len(sizes)), "items": int(kept["Description"].nunique()),
        "mean_basket_size": float(sizes.mean()),
        "cancellations": int(cancelled.sum()), "blank_items": int(blank.sum()),
        "zero_quantity": int(zero_qty.sum()),
        "duplicate_items": int(len(kept) - sizes.sum()),
        "revenue_total": float(revenue.sum()),
        "revenue_first": [{"basket": str(k), "revenue": float(v)} for k, v in list(revenue.items())[:5]],
    })

    # --- quirk files we wrote ourselves, read back with pandas -------------------------------
    quirks = {}

    def quirk(name, data, **read_kwargs):
        path = os.path.join(QUIRKS, name)
        with open(path, "wb") as f:
            f.write(data)
        df = pd.read_csv(path, **read_kwargs)
        cells = [[None if pd.isna(v) else (v.item() if hasattr(v, "item") else v) for v in row]
                 for row in df.itertuples(index=False)]
        quirks[name] = {"read_csv": {k: v for k, v in read_kwargs.items()},
                        "columns": [str(c) for c in df.columns], "rows": int(len(df)), "cells": cells}

    zh = "订单编号,买家实际支付金额,收货地址 ,订单付款时间 \n1,178.8,上海,2020-02-21 00:00:00\n2,21.0,内蒙古自治区,\n3,37.5,北京,2020-02-21 00:00:03\n"
    quirk("gbk_orders.csv", zh.encode("gbk"), encoding="gbk")
    quirk("utf8_bom_crlf.csv", ("\ufeff" + zh).replace("\n", "\r\n").encode("utf-8"), encoding="utf-8-sig")
    tsv = zh.replace(",", "\t")
    quirk("utf16le_bom.tsv", b"\xff\xfe" + tsv.encode("utf-16-le"), encoding="utf-16", sep="\t")
    quirk("utf16be_bom.tsv", b"\xfe\xff" + tsv.encode("utf-16-be"), encoding="utf-16", sep="\t")
    quirk("semicolon_decimal_comma.csv",
          "Artikel;Preis;Menge;Datum\nTee;12,5;3;21.02.2020\nKanne;1.234,50;1;22.02.2020\nTasse;7;10;23.02.2020\n".encode(),
          sep=";", decimal=",", thousands=".")
    quirk("pipe.csv", b"sku|qty|price\nA1|3|1.5\nB2|4|2.25\n", sep="|")
    quirk("spaces.txt", b"1  19970101  1  11.77\n2  19970112  1  12.00\n2  19970112  5  77.00\n3  19970102  2  20.76\n",
          sep=r"\s+", header=None, engine="python")
    quirk("quotes_doubled.csv", b'id,desc,price\n1,"Tea, green",2.5\n2,"say ""hi""",3\n3,"two\nlines",4\n', )
    quirk("cr_only.csv", b"a,b\r1,2\r3,4", lineterminator="\r")
    quirk("no_final_newline.csv", b"a,b\n1,x\n2,y")
    quirk("missing_tokens.csv", b"id,v,w\n1,NA,x\n2,N/A,\n3,null,y\n4,NaN,z\n5, ,-\n6,3.5,w\n",
          na_values=["-", " "])
    quirk("leading_zeros.csv", b"zip,qty\n007,1\n010,2\n123,3\n", dtype={"zip": str})
    quirk("thousands_currency.csv", '金额,售价\n"1,234.50",¥12\n"2,000",¥7.5\n"12.00",¥100\n'.encode(),
          thousands=",")
    quirk("duplicate_empty_header.csv", b" name ,name,,qty \nx,y,z,1\n")
    # Header-less numbers: pandas needs to be told; we detect it.
    quirk("headerless.csv", b"1,2.5,2020-01-01\n2,3.5,2020-01-02\n3,4.5,2020-01-03\n", header=None)
    quirk("booleans.csv", "a,b,c,d\nTRUE,yes,Y,是\nFALSE,no,N,否\ntrue,Yes,y,是\n".encode())
    quirk("dates.csv", "iso,slash,dmy,mdy,zh\n2020-02-21,2020/02/21,21-02-2020,2/21/2020 8:26,2020年2月21日\n"
          "2020-03-01,2020/03/01,01-03-2020,12/1/2010 16:05,2020年3月1日\n".encode())
    # Files with defects pandas reads with on_bad_lines / rejects: expectations written by hand.
    with open(os.path.join(QUIRKS, "ragged.csv"), "wb") as f:
        f.write(b"a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n")
    with open(os.path.join(QUIRKS, "nul_byte.csv"), "wb") as f:
        f.write(b"a,b\n1,x\x00y\n2,z\n")
    with open(os.path.join(QUIRKS, "png_renamed.csv"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00")
    with open(os.path.join(QUIRKS, "header_only.csv"), "wb") as f:
        f.write(b"a,b,c\n")
    with open(os.path.join(QUIRKS, "number_with_word.csv"), "wb") as f:
        f.write(b"sku,qty\nA,1\nB,2\nC,three\nD,4\n")
    with open(os.path.join(QUIRKS, "two_date_formats.csv"), "wb") as f:
        f.write(b"day,qty\n2020-02-21,1\n2020-02-22,2\n23/02/2020,3\n")
    # ragged with pandas: on_bad_lines="skip" drops the long line and pads the short one.
    df = pd.read_csv(os.path.join(QUIRKS, "ragged.csv"), on_bad_lines="skip")
    quirks["ragged.csv"] = {"read_csv": {"on_bad_lines": "skip"}, "columns": list(df.columns),
                            "rows": int(len(df)),
                            "cells": [[None if pd.isna(v) else (v.item() if hasattr(v, "item") else v) for v in row]
                                      for row in df.itertuples(index=False)]}

    # XLSX with Chinese headers, dates, numbers, two sheets.
    import datetime as dt
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "订单"
    ws.append(["订单编号", "下单时间", "金额", "城市", "是否退款"])
    rows = [(1001, dt.datetime(2020, 2, 21, 8, 26), 178.8, "上海", False),
            (1002, dt.datetime(2020, 2, 21, 9, 0), 21.0, "北京", True),
            (1003, dt.datetime(2020, 2, 22, 0, 0), 37.5, "内蒙古自治区", False)]
    for row in rows:
        ws.append(list(row))
    ws2 = wb.create_sheet("Items")
    ws2.append(["sku", "qty"])
    ws2.append(["A1", 3])
    ws2.append(["B2", 4])
    xlsx = os.path.join(QUIRKS, "orders.xlsx")
    wb.save(xlsx)
    # openpyxl stamps the current time into docProps: pin it so the file is reproducible.
    import zipfile
    with zipfile.ZipFile(xlsx) as z:
        parts = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(xlsx, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            if info.filename == "docProps/core.xml":
                import re
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2026-11-28T00:00:00Z", data)
            info.date_time = (2026, 11, 28, 0, 0, 0)
            z.writestr(info, data)
    sheets = pd.read_excel(xlsx, sheet_name=None)
    quirks["orders.xlsx"] = {"read_excel": {"sheet_name": None},
                             "sheets": {name: {"columns": list(df.columns), "rows": int(len(df)),
                                               "cells": [[str(v) if isinstance(v, pd.Timestamp) else (v.item() if hasattr(v, "item") else v) for v in row]
                                                         for row in df.itertuples(index=False)]}
                                        for name, df in sheets.items()}}
    write_json("quirks.json", {**produced_by(f"{pdv}, openpyxl {openpyxl.__version__}"), "files": quirks})


if __name__ == "__main__":
    main()
