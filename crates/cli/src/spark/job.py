#!/usr/bin/env python3
"""shoplens job on Apache Spark: @@TITLE@@

Written by `shoplens export spark` (shoplens @@VERSION@@); the job's parameters are in JOB
below, exactly as `shoplens run` reads them. Run it on the file the job ran on natively
(CSV, basket lines, or a Parquet copy of the table):

    spark-submit job.py INPUT            # the cluster or master spark-submit is given
    python job.py INPUT                  # local[*] when no master is set (needs pyspark)

The result is printed on stdout as one JSON object in the schema `shoplens run --json`
prints, so the two compare directly; progress and Spark's own logs go to stderr. An option
Spark cannot honour stops the program with exit code 2 and a sentence naming it; nothing
is changed silently.

What differs from the native run, and why:
@@NOTES@@
"""

import argparse
import json
import math
import os
import sys
import time

# The job, as exported (a Python literal of the job JSON).
JOB = @@JOB@@

# What shoplens decided when exporting that the job does not spell out.
FACTS = @@FACTS@@

# Cells that count as missing, as shoplens's table reader reads them (after trimming).
MISSING = ["", "-", "NA", "N/A", "n/a", "na", "null", "NULL", "Null", "NaN", "nan", "None"]


class Unsupported(Exception):
    """An option of the job that Spark cannot run as shoplens does."""


def refuse(field, value, why):
    raise Unsupported(f"{field} = {json.dumps(value)}: {why}")


# Under spark-submit, Python's stderr is merged into stdout (PythonRunner redirects it), so
# once the session is up, lines go to the JVM's stderr instead and stdout keeps only the
# result.
JVM_ERR = None


def log(message):
    line = f"[shoplens-spark] {message}"
    if JVM_ERR is not None:
        JVM_ERR.println(line)
    else:
        print(line, file=sys.stderr, flush=True)


def now_ms():
    return time.perf_counter() * 1000.0


# --------------------------------------------------------------------------------------
# Spark session and input
# --------------------------------------------------------------------------------------


def start_session():
    """One SparkSession for the whole run: the master spark-submit gives, else local[*]."""
    from pyspark.sql import SparkSession

    global JVM_ERR
    builder = SparkSession.builder.appName(f"shoplens {JOB['kind']}")
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ
    # spark-submit starts the JVM first and tells Python its port; plain `python` does not.
    if not submitted:
        builder = builder.master(os.environ.get("SPARK_MASTER", "local[*]"))
        builder = builder.config("spark.ui.enabled", "false")
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    builder = builder.config("spark.sql.session.timeZone", "UTC")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    sc = spark.sparkContext
    if submitted:
        JVM_ERR = sc._jvm.System.err
    if sc.master.startswith("local") and spark.conf.get("spark.sql.shuffle.partitions") == "200":
        # 200 shuffle partitions suit a cluster; on one machine they only cost start-up.
        spark.conf.set("spark.sql.shuffle.partitions", str(max(2, sc.defaultParallelism * 2)))
    log(f"Spark {spark.version}, master {sc.master}")
    return spark


def is_parquet(path):
    return path.rstrip("/").endswith(".parquet") or os.path.isdir(path)


def read_table(spark, path, sep):
    """The input as a table of trimmed strings, missing cells as null, rows in file order
    (`__line`, increasing, not consecutive)."""
    from pyspark.sql import functions as F

    if is_parquet(path):
        df = spark.read.parquet(path)
        df = df.select([F.col(c).cast("string").alias(c) for c in df.columns])
    else:
        df = (
            spark.read.option("header", True)
            .option("inferSchema", False)
            .option("sep", sep)
            .option("quote", '"')
            .option("escape", '"')
            .csv(path)
        )
        # A UTF-8 byte-order mark stays on the first header name.
        df = df.toDF(*[c.lstrip("\ufeff") for c in df.columns])
    cleaned = []
    for c in df.columns:
        t = F.trim(F.col(f"`{c}`"))
        cleaned.append(F.when(t.isin(MISSING), None).otherwise(t).alias(c))
    return df.select(cleaned).withColumn("__line", F.monotonically_increasing_id())


def need_columns(df, names):
    for name in names:
        if name not in df.columns:
            refuse("column", name, f"not in the input (its columns: {', '.join(df.columns[:-1])})")


def as_number(column):
    from pyspark.sql import functions as F

    return F.col(f"`{column}`").cast("double")


# --------------------------------------------------------------------------------------
# Baskets: build with Spark SQL, mine with pyspark.ml.fpm.FPGrowth
# --------------------------------------------------------------------------------------


def line_baskets(spark, path, sep_arg):
    """One basket per line, split in Spark SQL: (basket, items, blank, duplicate) in file
    order, and the separator. A field whose first visible character is a quote runs to the
    closing quote (a doubled quote is one quote); items are trimmed; a repeated item counts
    once; a blank line is no basket."""
    from pyspark.sql import functions as F

    text = spark.read.text(path).select(
        F.monotonically_increasing_id().alias("basket"),
        F.regexp_replace("value", "^\ufeff", "").alias("line"),
    )
    if sep_arg is None:
        sample = [r["line"] for r in text.limit(200).collect()]
        sep = next((c for c in [",", "\t", ";", "|"] if any(c in line for line in sample)), " ")
    else:
        sep = sep_arg
    lines = text.where(F.trim("line") != "")
    if sep == " ":
        fields = F.split(F.trim("line"), "\\s+")
    else:
        # Separators outside quotes: an even number of quotes follows them.
        escaped = "\\" + sep if sep in "|\t" else sep
        fields = F.split("line", escaped + '(?=(?:[^"]*"[^"]*")*[^"]*$)')

    def unquote(field):
        trimmed = F.trim(field)
        inner = F.regexp_replace(F.regexp_extract(trimmed, '^"((?:[^"]|"")*)"?', 1), '""', '"')
        return F.when(trimmed.startswith('"'), inner).otherwise(trimmed)

    named = F.transform(fields, lambda f: F.trim(unquote(f)))
    parsed = lines.select("basket", named.alias("fields")).select(
        "basket",
        F.filter("fields", lambda f: f != "").alias("named"),
        F.size(F.filter("fields", lambda f: f == "")).alias("blank"),
    )
    baskets = parsed.select(
        "basket",
        F.array_distinct("named").alias("items"),
        F.lit(None).cast("double").alias("revenue"),
        F.col("blank").cast("long").alias("blank"),
        (F.size("named") - F.size(F.array_distinct("named"))).cast("long").alias("duplicate"),
    )
    return baskets, sep


def new_report(shape):
    return {
        "shape": shape,
        "detected": False,
        "reason": "given",
        "basket_columns": [],
        "item_column": None,
        "quantity_column": None,
        "price_column": None,
        "id_column": None,
        "separator": None,
        "rows": 0,
        "baskets": 0,
        "empty_baskets": 0,
        "items": 0,
        "removed": {
            "cancellations": 0,
            "zero_quantity": 0,
            "blank_items": 0,
            "blank_keys": 0,
            "duplicate_items": 0,
            "empty_baskets": 0,
            "excluded_items": 0,
        },
        "cancellations": None,
        "excluded": [],
    }


def order_line_baskets(spark, path, source, sep, report):
    """Order lines grouped into baskets as core's builder does: blank keys, then
    cancellations (the invoice `C` rule when the evidence agrees, and negative
    quantities), then blank items, then zero quantities are removed and counted; repeated
    items count once; baskets keep the order of their first kept line."""
    from pyspark.sql import functions as F

    keys = source["basket_columns"]
    item = source["item_column"]
    quantity = source.get("quantity_column")
    price = source.get("price_column")
    df = read_table(spark, path, sep)
    need_columns(df, keys + [item] + [c for c in (quantity, price) if c])
    invoice = FACTS.get("invoice_column")
    key_cols = [F.col(f"`{k}`") for k in keys]
    lines = df.select(
        "__line",
        F.array(*key_cols).alias("key"),
        F.exists(F.array(*key_cols), lambda v: v.isNull()).alias("blank_key"),
        F.col(f"`{item}`").alias("item"),
        (as_number(quantity) if quantity else F.lit(None).cast("double")).alias("qty"),
        (as_number(price) if price else F.lit(None).cast("double")).alias("price"),
        (F.col(f"`{invoice}`") if invoice else F.lit(None).cast("string")).alias("invoice"),
    ).withColumn("prefixed", F.coalesce(F.col("invoice").rlike("^[Cc][0-9]"), F.lit(False)))

    # One pass gives the cancellation evidence (core's `decide_cancellations`) and the
    # removals under either decision.
    def removals(applied):
        cancelled = (F.col("prefixed") if applied else F.lit(False)) | (F.col("qty") < 0)
        ok_key = ~F.col("blank_key")
        return [
            ok_key & cancelled,
            ok_key & ~cancelled & F.col("item").isNull(),
            ok_key & ~cancelled & F.col("item").isNotNull() & (F.col("qty") == 0),
        ]

    def count_if(condition):
        return F.sum(F.when(condition, 1).otherwise(0))

    evidence = lines.agg(
        F.count("*").alias("rows"),
        count_if(F.col("blank_key")).alias("blank_keys"),
        count_if(F.col("qty") < 0).alias("negative_lines"),
        count_if(F.col("prefixed")).alias("prefixed_lines"),
        count_if(F.col("prefixed") & F.col("qty").isNotNull()).alias("present"),
        count_if(F.col("prefixed") & (F.col("qty") < 0)).alias("prefixed_negative"),
        F.countDistinct("invoice").alias("keys"),
        F.countDistinct(F.when(F.col("prefixed"), F.col("invoice"))).alias("prefixed_keys"),
        *[count_if(c).alias(f"applied_{i}") for i, c in enumerate(removals(True))],
        *[count_if(c).alias(f"not_applied_{i}") for i, c in enumerate(removals(False))],
    ).first()
    decision = {
        "column": invoice,
        "prefixed_lines": evidence["prefixed_lines"],
        "prefixed_negative": None,
        "keys": [evidence["keys"], evidence["prefixed_keys"]],
        "negative_lines": evidence["negative_lines"],
        "applied": False,
        "reason": "no_invoice_column",
    }
    if invoice is not None:
        if decision["prefixed_lines"] == 0:
            decision["reason"] = "no_prefixed_keys"
        elif quantity and evidence["present"] > 0:
            negative, present = evidence["prefixed_negative"], evidence["present"]
            decision["prefixed_negative"] = negative
            decision["applied"] = negative * 10 >= present * 9
            decision["reason"] = "negative_quantities" if decision["applied"] else "quantities_disagree"
        else:
            decision["applied"] = decision["keys"][1] * 2 < decision["keys"][0]
            decision["reason"] = "minority_without_quantity" if decision["applied"] else "most_keys_prefixed"
    which = "applied" if decision["applied"] else "not_applied"
    report.update(basket_columns=keys, item_column=item, quantity_column=quantity, price_column=price,
                  cancellations=decision, rows=evidence["rows"])
    report["removed"].update(
        blank_keys=evidence["blank_keys"],
        cancellations=evidence[f"{which}_0"],
        blank_items=evidence[f"{which}_1"],
        zero_quantity=evidence[f"{which}_2"],
    )
    dropped = F.col("blank_key")
    for condition in removals(decision["applied"]):
        dropped = dropped | F.coalesce(condition, F.lit(False))
    kept = lines.where(~dropped)
    revenue = F.sum(F.coalesce(F.col("qty"), F.lit(1.0)) * F.col("price")) if price else F.lit(None).cast("double")
    baskets = kept.groupBy("key").agg(
        F.min("__line").alias("basket"),
        F.array_distinct(F.collect_list("item")).alias("items"),
        F.count("*").alias("lines"),
        revenue.alias("revenue"),
    )
    return baskets.select(
        "basket", "items", "revenue", F.lit(0).cast("long").alias("blank"),
        (F.col("lines") - F.size("items")).cast("long").alias("duplicate"),
    )


def exclude_items(spark, baskets, names, report):
    """Leaves the named items out (exact names), counting what each removed."""
    from pyspark.sql import functions as F

    names = [n.strip() for n in names if n.strip()]
    if not names:
        return baskets
    exploded = baskets.select(F.explode("items").alias("item"))
    lowered = [n.lower() for n in names]
    hits = exploded.where(F.lower("item").isin(lowered)).groupBy("item").count().collect()
    found = {r["item"]: r["count"] for r in hits if r["item"] in names}
    report["removed"]["excluded_items"] = sum(found.values())
    report["excluded"] = [
        {"name": n, "baskets": found.get(n, 0),
         "case_matches": [] if n in found else sorted(r["item"] for r in hits if r["item"].lower() == n.lower())}
        for n in names
    ]
    return baskets.withColumn("items", F.array_except("items", F.array(*[F.lit(n) for n in names])))


def native_min_count(min_support, n):
    """core's `MinSupport::min_count`: ceil(fraction × N), rounded first within noise."""
    exact = min_support * n
    nearest = round(exact)
    count = nearest if abs(exact - nearest) <= 1e-9 * max(nearest, 1.0) else math.ceil(exact)
    return max(int(count), 1)


def check_baskets():
    """Refuses, before Spark starts, what the Spark export cannot run as core does."""
    source, mine = JOB.get("source", {}), JOB.get("mine")
    shape = source.get("shape")
    if shape not in ("line_per_basket", "order_lines"):
        refuse("source.shape", shape, "the Spark export reads one basket per line or order lines "
               "with the shape written in the job (run it once with shoplens and --save-job)")
    if shape == "order_lines" and not (source.get("basket_columns") and source.get("item_column")):
        refuse("source.basket_columns", source.get("basket_columns"), "order lines need the basket "
               "and item columns written in the job (run it once with shoplens and --save-job: the "
               "detected columns are filled in)")
    if mine is None:
        return
    support = mine.get("min_support", {"Fraction": 0.01})
    if "Count" in support:
        refuse("mine.min_support", support, "Spark's FPGrowth takes the minimum support only as a "
               "fraction of the baskets; give {\"Fraction\": count / baskets} instead")
    if mine.get("min_confidence") is not None and mine.get("max_consequent", 1) != 1:
        refuse("mine.max_consequent", mine.get("max_consequent"), "Spark's association rules have "
               "exactly one consequent item")
    if mine.get("target", "all") != "all":
        refuse("mine.target", mine.get("target"), "Spark's FPGrowth finds every frequent itemset; "
               "closed and maximal itemsets are not exported")


def run_baskets(spark, path, args):
    from pyspark.sql import functions as F

    source, mine = JOB.get("source", {}), JOB.get("mine")
    shape = source.get("shape")
    started = now_ms()
    report = new_report(shape)
    if shape == "line_per_basket":
        baskets, report["separator"] = line_baskets(spark, path, args.sep)
    else:
        baskets = order_line_baskets(spark, path, source, args.sep or ",", report)
    baskets = exclude_items(spark, baskets.cache(), source.get("exclude_items") or [], report)
    drop_empty = shape == "order_lines" or source.get("drop_empty_baskets")
    empty = F.size("items") == 0
    totals = baskets.agg(
        F.count("*").alias("baskets"),
        F.sum(F.when(empty, 1).otherwise(0)).alias("empty"),
        F.sum("blank").alias("blank"),
        F.sum("duplicate").alias("duplicate"),
    ).first()
    removed = report["removed"]
    if shape == "line_per_basket":
        report["rows"] = totals["baskets"]
        removed["blank_items"] = totals["blank"] or 0
    removed["duplicate_items"] = totals["duplicate"] or 0
    n = totals["baskets"]
    if drop_empty:
        baskets = baskets.where(~empty)
        removed["empty_baskets"] += totals["empty"] or 0
        n -= totals["empty"] or 0
    else:
        report["empty_baskets"] = totals["empty"] or 0
    if n == 0:
        refuse("baskets", 0, "no basket was left to mine")
    baskets = baskets.select("basket", "items").cache()
    # Items are numbered in order of first appearance, as core numbers them.
    firsts = (
        baskets.select("basket", F.posexplode("items").alias("pos", "item"))
        .groupBy("item").agg(F.min(F.struct("basket", "pos")).alias("first"), F.count("*").alias("n"))
        .collect()
    )
    firsts.sort(key=lambda r: (r["first"]["basket"], r["first"]["pos"]))
    items = [r["item"] for r in firsts]
    item_id = {name: i for i, name in enumerate(items)}
    report["baskets"] = n
    report["items"] = len(items)
    prepared = {
        "report": report,
        "item_counts": sorted((r["n"] for r in firsts), reverse=True),
        "mean_basket_size": sum(r["n"] for r in firsts) / n,
        "has_revenue": shape == "order_lines" and bool(source.get("price_column")),
        "elapsed_ms": now_ms() - started,
        "suggested": [],
    }
    log(f"{n} baskets, {len(items)} items, built in {prepared['elapsed_ms']:.0f} ms")
    filled = dict(source, exclude_items=source.get("exclude_items") or [])
    out = {"kind": "baskets", "job": {"source": filled, "mine": mine}, "prepared": prepared, "mined": None}
    if mine is not None:
        out["mined"] = mine_baskets(baskets, n, items, item_id, mine)
    baskets.unpersist()
    return out


def mine_baskets(baskets, n, items, item_id, mine):
    from pyspark.ml.fpm import FPGrowth
    from pyspark.sql import functions as F

    started = now_ms()
    fraction = mine.get("min_support", {"Fraction": 0.01})["Fraction"]
    min_count = native_min_count(fraction, n)
    min_conf = mine.get("min_confidence")
    # Spark keeps itemsets with count >= ceil(minSupport × N): this fraction gives exactly
    # core's minimum count, whatever the rounding of fraction × N.
    growth = FPGrowth(itemsCol="items", minSupport=(min_count - 0.5) / n,
                      minConfidence=max(0.0, (min_conf or 0.0) - 1e-9))
    model = growth.fit(baskets.select("items"))
    max_len = mine.get("max_len")
    freq = model.freqItemsets
    if max_len is not None:
        freq = freq.where(F.size("items") <= max_len)
    budget = mine.get("max_itemsets")
    if budget is not None and freq.count() > budget:
        # core stops at the budget with a partial result; FPGrowth cannot stop early.
        refuse("mine.max_itemsets", budget, "more frequent itemsets than the job's budget: the native "
               "run stops there with a partial result, Spark cannot; raise the support or the budget")
    frequent = [(sorted(item_id[i] for i in r["items"]), r["freq"]) for r in freq.collect()]
    itemsets_ms = now_ms() - started
    count_of = {tuple(ids): c for ids, c in frequent}
    itemsets = [
        {"items": ids, "count": c, "support": c / n, "revenue": None}
        for ids, c in sorted(frequent, key=lambda p: (-p[1], p[0]))
    ]
    log(f"{len(itemsets)} frequent itemsets (count >= {min_count}) in {itemsets_ms:.0f} ms")
    rules = []
    if min_conf is not None:
        min_lift = mine.get("min_lift")
        found = model.associationRules
        if max_len is not None:
            found = found.where(F.size("antecedent") + 1 <= max_len)
        for r in found.collect():
            a = sorted(item_id[i] for i in r["antecedent"])
            c = [item_id[r["consequent"][0]]]
            both = count_of[tuple(sorted(a + c))]
            ante, cons = count_of[tuple(a)], count_of[tuple(c)]
            # core keeps a rule when count / antecedent count >= min_confidence.
            if both / ante < min_conf:
                continue
            if min_lift is not None and r["lift"] < min_lift:
                continue
            rules.append(rule_json(a, c, both, ante, cons, n, r))
        rules.sort(key=lambda x: (-x["lift"], x["antecedent"], x["consequent"]))
    log(f"{len(rules)} rules")
    return {
        "min_count": min_count,
        "itemset_count": len(itemsets),
        "frequent_count": len(itemsets),
        "rule_count": len(rules),
        "partial": None,
        "items": items,
        "rules": rules,
        "itemsets": itemsets,
        "companions": [],
        "elapsed_ms": now_ms() - started,
        "itemsets_ms": itemsets_ms,
    }


def rule_json(a, c, both, ante, cons, n, spark_rule):
    """A rule in core's schema: support, confidence and lift as Spark computed them; the
    other measures from the counts with core's formulas."""
    s_ac, s_a, s_c = both / n, ante / n, cons / n
    confidence, lift = spark_rule["confidence"], spark_rule["lift"]
    support = spark_rule["support"] if "support" in spark_rule.asDict() else s_ac
    return {
        "antecedent": a,
        "consequent": c,
        "count": both,
        "antecedent_count": ante,
        "consequent_count": cons,
        "support": support,
        "confidence": confidence,
        "lift": lift,
        "leverage": s_ac - s_a * s_c,
        "conviction": (1 - s_c) / (1 - confidence) if both < ante else None,
        "zhang": zhang(s_ac, s_a, s_c),
        "jaccard": s_ac / (s_a + s_c - s_ac),
        "kulczynski": (s_ac / s_a + s_ac / s_c) / 2,
        "certainty": (confidence - s_c) / (1 - s_c) if cons < n else None,
        "revenue": None,
    }


def zhang(s_ac, s_a, s_c):
    den = max(s_ac * (1 - s_a), s_a * (s_c - s_ac))
    return (s_ac - s_a * s_c) / den if den > 0 else None


# --------------------------------------------------------------------------------------
# Segment: RFM (or table columns) → log1p → standardise → KMeans
# --------------------------------------------------------------------------------------


DATE_FORMATS = [
    "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd",
    "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd", "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss", "M/d/yyyy",
    "d.M.yyyy H:mm", "d.M.yyyy",
]


def order_seconds(column):
    from pyspark.sql import functions as F

    parsed = F.coalesce(*[F.to_timestamp(F.col(f"`{column}`"), f) for f in DATE_FORMATS])
    return F.unix_timestamp(parsed)


def rfm_features(spark, path, columns, sep):
    """Recency (days to the day after the last order), frequency (distinct orders) and
    monetary value (sum of line amounts) per customer, customers in order of first kept
    line, as core's `OrderLines` and `rfm` compute them."""
    from pyspark.sql import functions as F

    customer, date, invoice = columns["customer"], columns["date"], columns.get("invoice")
    amount = columns["amount"]
    if "QuantityPrice" in amount:
        lead_col, price_col = amount["QuantityPrice"]["quantity"], amount["QuantityPrice"]["price"]
    else:
        lead_col, price_col = amount["Amount"], None
    df = read_table(spark, path, sep)
    need_columns(df, [customer, date, lead_col] + [c for c in (invoice, price_col) if c])
    with_id = df.where(F.col(f"`{customer}`").isNotNull())
    lead = as_number(lead_col)
    money = lead * as_number(price_col) if price_col else lead
    starts_c = F.col(f"`{invoice}`").rlike("^[Cc]") if invoice else F.lit(False)
    lines = with_id.select(
        F.col(f"`{customer}`").alias("customer"),
        F.col("__line"),
        F.coalesce(starts_c, F.lit(False)).alias("starts_c"),
        lead.alias("lead"),
        money.alias("amount"),
        order_seconds(date).alias("seconds"),
        (F.col(f"`{invoice}`") if invoice else F.lit(None).cast("string")).alias("invoice"),
    )
    kept = lines.where(~(F.col("starts_c") | (F.col("lead") < 0)))
    bad = kept.where(F.col("seconds").isNull() | F.col("amount").isNull()).select("__line").limit(1).collect()
    if bad:
        refuse("row", "unreadable", "a line with a customer id has a missing or unreadable date or "
               "amount (shoplens names the line: run the job natively to see it)")
    kept = kept.withColumn("day", F.floor(F.col("seconds") / 86400))
    as_of = kept.agg(F.max("day")).first()[0] + 1
    order = F.col("invoice") if invoice else F.col("seconds").cast("string")
    per = kept.groupBy("customer").agg(
        F.min("__line").alias("first"),
        (F.lit(as_of) - F.max("day")).cast("double").alias("recency"),
        F.countDistinct(order).cast("double").alias("frequency"),
        F.sum("amount").alias("monetary"),
    )
    table = per.select(F.col("first").alias("__order"), F.col("customer").alias("id"),
                       "recency", "frequency", "monetary")
    return table, ["recency", "frequency", "monetary"], 0


def column_features(spark, path, names, sep):
    """Numeric columns of a customer table; rows with a missing value are left out."""
    from pyspark.sql import functions as F

    df = read_table(spark, path, sep)
    need_columns(df, names)
    rows = df.select(
        "__line", *[as_number(c).alias(c) for c in names],
        *[F.col(f"`{c}`").isNotNull().alias(f"__present_{i}") for i, c in enumerate(names)],
    )
    from pyspark.sql.window import Window

    numbered = rows.withColumn("__row", F.row_number().over(Window.orderBy("__line")))
    complete = numbered.dropna(subset=names)
    skipped = numbered.count() - complete.count()
    table = complete.select(F.col("__row").alias("__order"), F.col("__row").cast("string").alias("id"), *names)
    return table, names, skipped


def run_segment(spark, path, args):
    from pyspark.sql import functions as F
    from pyspark.ml.feature import VectorAssembler

    spec = JOB
    k, seed, n_init, log1p = spec.get("k", 4), spec.get("seed", 42), spec.get("n_init", 10), spec.get("log", False)
    source = spec.get("source", {"columns": []})
    if "rfm" in source:
        table, names, skipped = rfm_features(spark, path, source["rfm"], args.sep or ",")
    else:
        table, names, skipped = column_features(spark, path, source["columns"], args.sep or ",")
    table = table.cache()
    transformed = table
    if log1p:
        low = table.agg(*[F.min(c) for c in names]).first()
        for c, v in zip(names, low):
            if v is not None and v <= -1:
                refuse("log", True, f"column {c} has the value {v}, at or below -1 (log1p is undefined)")
        transformed = table.select("id", *[F.log1p(c).alias(c) for c in names])
    # Standardise with the population standard deviation (scikit-learn's and core's).
    stats = transformed.agg(*[F.avg(c) for c in names], *[F.stddev_pop(c) for c in names]).first()
    means, sds = list(stats[: len(names)]), [s if s and s > 0 else 1.0 for s in stats[len(names):]]
    scaled = transformed.select(
        "id", *[((F.col(c) - m) / s).alias(c) for c, m, s in zip(names, means, sds)]
    )
    features = VectorAssembler(inputCols=names, outputCol="features").transform(scaled).select("id", "features").cache()
    count = features.count()
    if count < k:
        refuse("k", k, f"more segments than the {count} rows")
    tol = 1e-4  # core's KMeansParams tolerance
    # core stops when the total squared centre shift <= tol (the columns' mean variance is
    # 1 after standardising); Spark stops when every centre moved <= epsilon.
    epsilon = math.sqrt(tol / k)
    started = now_ms()
    if args.initial_centres:
        labels, inertia, n_iter, init_note = fit_from_centres(spark, features, args.initial_centres, k, epsilon)
    else:
        labels, inertia, n_iter, init_note = fit_kmeans_parallel(features, k, seed, n_init, epsilon)
    ms = now_ms() - started
    log(f"k-means ({init_note}): inertia {inertia:.6f}, {n_iter} iterations, {ms:.0f} ms")
    joined = table.join(labels, "id").orderBy(F.col("__order")).collect()
    ids = [r["id"] for r in joined]
    lab = [int(r["label"]) for r in joined]
    values = [r[c] for r in joined for c in names]
    revenue = [r["monetary"] for r in joined] if "monetary" in names else None
    return {
        "kind": "segment",
        "features": names,
        "log": log1p,
        "k": k,
        "seed": seed,
        "n_init": n_init,
        "inertia": inertia,
        "silhouette": None,
        "n_iter": n_iter,
        "profiles": profiles(names, values, lab, k, revenue),
        "projection": {"points": [], "explained_variance_ratio": [0.0, 0.0]},
        "labels": lab,
        "ids": ids,
        "values": values,
        "skipped_missing": skipped,
        "elbow": [],
        "ms": ms,
    }


def check_segment():
    if JOB.get("elbow"):
        refuse("elbow", True, "the Spark export fits one k; run it once per k for an elbow")
    source = JOB.get("source", {"columns": []})
    if "columns" in source and not source["columns"]:
        refuse("source.columns", [], "name the columns (the native job picks every numeric column "
               "of the table; write them in the job)")
    if JOB.get("k", 4) < 1 or JOB.get("n_init", 10) < 1:
        refuse("k", JOB.get("k"), "at least one segment and one start")


def fit_kmeans_parallel(features, k, seed, n_init, epsilon):
    """n_init seeded runs of Spark's KMeans (k-means|| starts), the lowest inertia kept."""
    from pyspark.ml.clustering import KMeans
    from pyspark.sql import functions as F

    best = None
    for start in range(n_init):
        model = KMeans(k=k, seed=seed + start, maxIter=300, tol=epsilon, initMode="k-means||").fit(features)
        cost = model.summary.trainingCost
        if best is None or cost < best[1]:
            best = (model, cost)
    model, cost = best
    labelled = model.transform(features).select("id", F.col("prediction").alias("label"))
    return labelled, cost, model.summary.numIter, f"{n_init} k-means|| starts"


def fit_from_centres(spark, features, path, k, epsilon):
    """Lloyd iterations from given starting centres (standardised feature space), through
    MLlib's `KMeans.train(initialModel=...)`: the same start as the native run."""
    from pyspark.mllib.clustering import KMeans, KMeansModel
    from pyspark.mllib.linalg import Vectors

    with open(path, encoding="utf-8") as f:
        centres = json.load(f)
    if len(centres) != k:
        refuse("--initial-centres", len(centres), f"{k} centres are needed")
    points = features.rdd.map(lambda r: (r["id"], Vectors.dense(r["features"].toArray()))).cache()
    vectors = points.map(lambda p: p[1])
    model = KMeans.train(vectors, k, maxIterations=300, epsilon=epsilon,
                         initialModel=KMeansModel([Vectors.dense(c) for c in centres]))
    cost = model.computeCost(vectors)
    labels = spark.createDataFrame(points.map(lambda p: (p[0], int(model.predict(p[1])))), ["id", "label"])
    return labels, cost, None, "the given initial centres"


def profiles(names, values, labels, k, revenue):
    d = len(names)
    total = sum(revenue) if revenue else 0.0
    clusters = []
    n = len(labels)
    for c in range(k):
        rows = [i for i, label in enumerate(labels) if label == c]
        size = len(rows)
        means = [sum(values[i * d + j] for i in rows) / size if size else 0.0 for j in range(d)]
        money = sum(revenue[i] for i in rows) if revenue else 0.0
        clusters.append({
            "cluster": c,
            "size": size,
            "share_of_customers": size / n if n else 0.0,
            "revenue": money,
            "share_of_revenue": money / total if total else 0.0,
            "means": means,
        })
    return {"features": names, "clusters": clusters}


# --------------------------------------------------------------------------------------
# Fit: one model on a held-out split
# --------------------------------------------------------------------------------------


BOOLEAN = {"true": 1.0, "false": 0.0, "yes": 1.0, "no": 0.0, "y": 1.0, "n": 0.0}


def column_kinds(df, names):
    """numeric, boolean or categorical, decided on every value of each column."""
    from pyspark.sql import functions as F

    checks = []
    for c in names:
        col = F.col(f"`{c}`")
        checks.append(F.sum(F.when(col.isNotNull() & col.cast("double").isNull(), 1).otherwise(0)).alias(f"n{len(checks)}"))
        checks.append(F.sum(F.when(col.isNotNull() & ~F.lower(col).isin(list(BOOLEAN)), 1).otherwise(0)).alias(f"b{len(checks)}"))
    row = df.agg(*checks).first()
    kinds = {}
    for i, c in enumerate(names):
        not_number, not_bool = row[2 * i] or 0, row[2 * i + 1] or 0
        kinds[c] = "numeric" if not_number == 0 else "boolean" if not_bool == 0 else "categorical"
    return kinds


def spark_model(params, task, n_features, n_train, check_only=False):
    """The job's model as a Spark estimator, and the mapping as (native, Spark) pairs;
    with `check_only`, only refuses what Spark lacks."""
    kind = params.get("kind")
    if kind not in ("logistic", "linear", "tree", "forest"):
        refuse("model.kind", kind, "the Spark export trains logistic, linear, tree and forest models")
    if check_only and kind in ("logistic", "linear"):
        return None
    if not check_only:
        from pyspark.ml import classification as C
        from pyspark.ml import regression as R

    classify = task == "classification"
    if kind == "logistic":
        c = params.get("c", 1.0)
        reg = 1.0 / (c * n_train)
        return C.LogisticRegression(regParam=reg, elasticNetParam=0.0, maxIter=params.get("max_iter", 100),
                                    tol=params.get("tolerance", 1e-10), standardization=True), \
            [("c", c, "regParam = 1 / (C × training rows)", reg)]
    if kind == "linear":
        alpha = params.get("ridge_alpha", 0.0)
        reg = alpha / n_train
        return R.LinearRegression(regParam=reg, elasticNetParam=0.0, fitIntercept=params.get("fit_intercept", True),
                                  standardization=False, solver="normal"), \
            [("ridge_alpha", alpha, "regParam = alpha / training rows", reg)]
    tree = params if kind == "tree" else params.get("tree", {})
    criterion = tree.get("criterion", "gini" if classify else "squared_error")
    impurity = {"gini": "gini", "entropy": "entropy", "squared_error": "variance"}.get(criterion)
    if impurity is None:
        refuse("model.criterion", criterion, "Spark's trees split on gini, entropy or variance")
    if tree.get("min_samples_split", 2) != 2:
        refuse("model.min_samples_split", tree.get("min_samples_split"), "Spark's trees have no minimum "
               "rows to split a node (only minInstancesPerNode, the leaf minimum)")
    depth = tree.get("max_depth")
    spark_depth = 30 if depth is None else depth
    if spark_depth > 30:
        refuse("model.max_depth", depth, "Spark's trees are at most 30 levels deep")
    common = dict(maxDepth=spark_depth, minInstancesPerNode=tree.get("min_samples_leaf", 1), impurity=impurity,
                  seed=tree.get("seed", 42), maxBins=ARGS.max_bins)
    mapping = [("max_depth", depth, "maxDepth (Spark's deepest is 30; unlimited becomes 30)", spark_depth),
               ("min_samples_leaf", tree.get("min_samples_leaf", 1), "minInstancesPerNode", tree.get("min_samples_leaf", 1)),
               ("criterion", criterion, "impurity", impurity)]
    max_features = tree.get("max_features", "all")
    if kind == "tree" and max_features != "all":
        refuse("model.max_features", max_features, "Spark's decision tree tries every feature at each split")
    if kind == "forest":
        features_tried(max_features, max(n_features, 1))
    if check_only:
        return None
    if kind == "tree":
        est = C.DecisionTreeClassifier(**common) if classify else R.DecisionTreeRegressor(**common)
        return est, mapping
    tried = features_tried(max_features, n_features)
    if not params.get("bootstrap", True):
        subsample = dict(bootstrap=False)
    else:
        subsample = dict(bootstrap=True, subsamplingRate=1.0)
    forest = dict(common, numTrees=params.get("n_trees", 100), featureSubsetStrategy=str(tried), **subsample)
    mapping += [("n_trees", params.get("n_trees", 100), "numTrees", forest["numTrees"]),
                ("max_features", max_features, "featureSubsetStrategy (core's rounding, as a count)", str(tried)),
                ("bootstrap", params.get("bootstrap", True), "bootstrap (Poisson(1) row weights, subsamplingRate 1)",
                 subsample["bootstrap"])]
    est = C.RandomForestClassifier(**forest) if classify else R.RandomForestRegressor(**forest)
    return est, mapping


def check_fit():
    target, features = JOB.get("target"), JOB.get("features") or []
    params = JOB.get("model")
    if not target or not features or JOB.get("task") is None or params is None:
        refuse("features", features, "the job needs its target, task, features and model written in "
               "(run it once with shoplens and --save-job: the defaults are filled in)")
    # Everything spark_model refuses, before Spark starts (row and feature counts are
    # placeholders here).
    spark_model(params, JOB["task"], 1, 1, check_only=True)


def features_tried(max_features, n):
    """core's `MaxFeatures::resolve`: floors where Spark's names would round up."""
    if max_features == "all":
        k = n
    elif max_features == "sqrt":
        k = int(math.floor(math.sqrt(n)))
    elif max_features == "log2":
        k = int(math.floor(math.log2(n))) if n > 0 else 1
    elif isinstance(max_features, dict) and "count" in max_features:
        k = max_features["count"]
    elif isinstance(max_features, dict) and "fraction" in max_features:
        k = int(math.ceil(max_features["fraction"] * n))
    else:
        refuse("model.max_features", max_features, "all, sqrt, log2, a count or a fraction")
    return max(1, min(k, n))


def run_fit(spark, path, args):
    from pyspark.ml import Pipeline
    from pyspark.ml.feature import Imputer, OneHotEncoder, StringIndexer, VectorAssembler
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    total_started = now_ms()
    target, features = JOB["target"], JOB["features"]
    task, params = JOB["task"], JOB["model"]
    seed, test_size = JOB.get("seed", 42), JOB.get("test_size", 0.2)
    df = read_table(spark, path, args.sep or ",")
    need_columns(df, [target] + features)
    if args.test_rows:
        # Data rows numbered as shoplens numbers them (1 = the first row after the header).
        df = df.withColumn("__row", F.row_number().over(Window.orderBy("__line")))
    df = df.where(F.col(f"`{target}`").isNotNull())
    kinds = column_kinds(df, features)
    numeric = [c for c in features if kinds[c] != "categorical"]
    categorical = [c for c in features if kinds[c] == "categorical"]
    cols = [F.col("__row")] if args.test_rows else []
    as_bool = F.create_map(*[x for k, v in BOOLEAN.items() for x in (F.lit(k), F.lit(v))])
    for c in numeric:
        v = F.col(f"`{c}`")
        cols.append((as_bool[F.lower(v)] if kinds[c] == "boolean" else v.cast("double")).alias(c))
    cols += [F.col(f"`{c}`").alias(c) for c in categorical]
    classify = task == "classification"
    label = F.col(f"`{target}`") if classify else F.col(f"`{target}`").cast("double")
    data = df.select(*cols, label.alias("__target"))
    if classify:
        classes = sorted(r[0] for r in data.select("__target").distinct().collect())
        index = {c: float(i) for i, c in enumerate(classes)}
        data = data.withColumn("__label", F.create_map(*[x for k, v in index.items() for x in (F.lit(k), F.lit(v))])[F.col("__target")])
    else:
        classes = []
        data = data.withColumn("__label", F.col("__target"))
    # The split: the native run's test rows when given, else seeded and stratified by class.
    if args.test_rows:
        with open(args.test_rows, encoding="utf-8") as f:
            rows = json.load(f)
        test_set = spark.createDataFrame([(int(r),) for r in rows], ["__row"]).withColumn("__test", F.lit(True))
        data = data.join(F.broadcast(test_set), "__row", "left").withColumn("__test", F.coalesce("__test", F.lit(False)))
        split_note = f"the {len(rows)} test rows given"
    elif test_size == 0:
        data = data.withColumn("__test", F.lit(True))
        split_note = "in-sample (test size 0)"
    else:
        by = "__target" if classify and JOB.get("stratify", classify) else F.lit(1)
        w = Window.partitionBy(by).orderBy(F.rand(seed))
        part = Window.partitionBy(by)
        data = data.withColumn("__rank", F.row_number().over(w)).withColumn("__n", F.count("*").over(part))
        data = data.withColumn("__test", F.col("__rank") <= F.round(F.col("__n") * test_size))
        split_note = f"seeded {'stratified ' if classify else ''}split, test size {test_size}"
    data = data.cache()
    train = data.where(~F.col("__test")) if test_size != 0 or args.test_rows else data
    test = data.where(F.col("__test"))
    n_train, n_test = train.count(), test.count()
    stages, assembled, names = [], [], []
    if numeric:
        strategy = JOB.get("impute", "mean")
        if isinstance(strategy, dict):
            value = strategy.get("constant")
            data_fill = {c: value for c in numeric}
            train, test = train.fillna(data_fill), test.fillna(data_fill)
        else:
            spark_strategy = {"mean": "mean", "median": "median", "most_frequent": "mode"}[strategy]
            stages.append(Imputer(strategy=spark_strategy, inputCols=numeric,
                                  outputCols=[f"{c}__imputed" for c in numeric]))
        assembled += [f"{c}__imputed" if not isinstance(strategy, dict) else c for c in numeric]
        names += numeric
    for c in categorical:
        stages.append(StringIndexer(inputCol=c, outputCol=f"{c}__index", handleInvalid="keep",
                                    stringOrderType="alphabetAsc"))
        stages.append(OneHotEncoder(inputCol=f"{c}__index", outputCol=f"{c}__onehot", dropLast=True))
        assembled.append(f"{c}__onehot")
    stages.append(VectorAssembler(inputCols=assembled, outputCol="__features"))
    prep = Pipeline(stages=stages).fit(train)
    for c in categorical:
        levels = [s for s in prep.stages if getattr(s, "getOutputCol", lambda: "")() == f"{c}__index"][0].labels
        names += [f"{c}={level}" for level in levels]  # the last (unseen values) is dropped
    train_x, test_x = prep.transform(train), prep.transform(test)
    estimator, mapping = spark_model(params, task, len(names), n_train)
    estimator = estimator.setFeaturesCol("__features").setLabelCol("__label")
    for native, value, spark_name, spark_value in mapping:
        log(f"model.{native} = {json.dumps(value)} -> {spark_name} = {json.dumps(spark_value)}")
    log(f"{n_train} training rows, {n_test} test rows ({split_note})")
    fit_started = now_ms()
    model = estimator.fit(train_x)
    fit_ms = now_ms() - fit_started
    scored = model.transform(test_x).cache()
    metrics, confusion = evaluate(scored, task, classes, len(names))
    kind = params["kind"]
    linear = kind in ("logistic", "linear")
    out = {
        "kind": "fit",
        "task": task,
        "target": target,
        "features": names,
        "dropped": [],
        "n_train": n_train,
        "n_test": n_test,
        "in_sample": test_size == 0 and not args.test_rows,
        "metrics": metrics,
        "coefficients": list(model.coefficients.toArray()) if linear and len(classes) <= 2 else None,
        "intercept": float(model.intercept) if linear and len(classes) <= 2 else None,
        "standardized": False,
        "importances": list(model.featureImportances.toArray()) if not linear else None,
        "classes": classes,
        "confusion": confusion,
        "roc": None,
        "scatter": [],
        "tree": None,
        "forest_trees": [],
        "feature_values": [],
        "predictions": [],
        "fit_ms": fit_ms,
        "total_ms": now_ms() - total_started,
    }
    # FitOutput carries the model kind as "kind" too; the job output's tag comes first.
    out["kind"] = "fit"
    out["model_kind"] = kind
    log(" ".join(f"{k} {v:.4f}" for k, v in metrics))
    return out


def evaluate(scored, task, classes, n_features):
    """core's metrics on the test rows: accuracy, precision, recall, f1, roc_auc and
    log_loss (binary: of the second class) or r2, adjusted_r2, rmse, mae, mape."""
    from pyspark.ml.evaluation import BinaryClassificationEvaluator
    from pyspark.sql import functions as F

    if task == "regression":
        row = scored.select(
            F.avg("__label").alias("mean"), F.count("*").alias("n"),
            F.sum((F.col("__label") - F.col("prediction")) ** 2).alias("sse"),
            F.avg(F.abs(F.col("__label") - F.col("prediction"))).alias("mae"),
            F.avg(F.when(F.col("__label") != 0, F.abs((F.col("__label") - F.col("prediction")) / F.col("__label")))).alias("mape"),
        ).first()
        sst = scored.select(F.sum((F.col("__label") - F.lit(row["mean"])) ** 2)).first()[0]
        r2 = 1 - row["sse"] / sst if sst else float("nan")
        n = row["n"]
        metrics = [("r2", r2)]
        if n - n_features - 1 > 0:
            metrics.append(("adjusted_r2", 1 - (1 - r2) * (n - 1) / (n - n_features - 1)))
        metrics += [("rmse", math.sqrt(row["sse"] / n)), ("mae", row["mae"]), ("mape", row["mape"])]
        return [list(m) for m in metrics], None
    k = len(classes)
    counts = scored.groupBy("__label", "prediction").count().collect()
    confusion = [[0] * k for _ in range(k)]
    for r in counts:
        confusion[int(r["__label"])][int(r["prediction"])] += r["count"]
    n = sum(map(sum, confusion))
    accuracy = sum(confusion[i][i] for i in range(k)) / n

    def prf(c):
        tp = confusion[c][c]
        predicted = sum(confusion[i][c] for i in range(k))
        actual = sum(confusion[c])
        p = tp / predicted if predicted else 0.0
        r = tp / actual if actual else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    if k == 2:
        p, r, f1 = prf(1)
    else:
        each = [prf(c) for c in range(k)]
        p, r, f1 = (sum(x[i] for x in each) / k for i in range(3))
    metrics = [["accuracy", accuracy], ["precision", p], ["recall", r], ["f1", f1]]
    if k == 2:
        auc = BinaryClassificationEvaluator(rawPredictionCol="rawPrediction", labelCol="__label",
                                            metricName="areaUnderROC").evaluate(scored)
        # pyspark.ml.functions.vector_to_array needs pandas; a small UDF does not.
        second = F.udf(lambda v: float(v[1]), "double")("probability")
        loss = scored.select(F.avg(-F.log(F.greatest(F.least(
            F.when(F.col("__label") == 1, second).otherwise(1 - second),
            F.lit(1 - 1e-15)), F.lit(1e-15))))).first()[0]
        metrics += [["roc_auc", auc], ["log_loss", loss]]
    return metrics, confusion


# --------------------------------------------------------------------------------------


ARGS = None


def main(argv=None):
    global ARGS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="the file the job ran on (CSV, basket lines, or Parquet)")
    parser.add_argument("--sep", default=None, help="field separator of a CSV input (default: comma; "
                        "basket lines detect it as shoplens does)")
    parser.add_argument("--initial-centres", default=None, help="segment: JSON list of k starting "
                        "centres in standardised feature space (e.g. a native run's initial_centers)")
    parser.add_argument("--test-rows", default=None, help="fit: JSON list of the 1-based data rows "
                        "to hold out (e.g. a native run's prediction rows), instead of Spark's split")
    parser.add_argument("--max-bins", type=int, default=@@MAX_BINS@@, help="tree and forest: bins per "
                        "continuous feature (Spark splits on bin edges, not on every value)")
    ARGS = parser.parse_args(argv)
    kinds = {"baskets": (check_baskets, run_baskets), "segment": (check_segment, run_segment),
             "fit": (check_fit, run_fit)}
    if JOB.get("kind") not in kinds:
        log(f"jobs of kind {JOB.get('kind')!r} are not exported")
        return 2
    check, run = kinds[JOB["kind"]]
    started = now_ms()
    try:
        check()
        spark = start_session()
        out = run(spark, ARGS.input, ARGS)
    except Unsupported as e:
        log(f"cannot run this job on Spark as shoplens does: {e}")
        return 2
    finally:
        log(f"job done in {now_ms() - started:.0f} ms")
    json.dump(out, sys.stdout, allow_nan=True)
    sys.stdout.write("\n")
    sys.stdout.flush()
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
