#!/usr/bin/env python3
"""Checks the DuckDB queries here on Parquet versions of the fixture bills (needs `pip install duckdb`; not run in CI).

    python3 examples/reconcile/check-duckdb.py

Converts a daily FOCUS 1.2 bill (written by scripts/generate-bill.py from shop.yaml, with drift and a Savings
Plan; needs a built billcast), drift-cur2.csv and exact-cur2.csv.gz to Parquet with the column types AWS's
exports have (costs and quantities double, timestamps, Tags/resource_tags/product as maps), runs duckdb-focus.sql
and duckdb-cur2.sql on them, and compares the aggregated CSV's totals per month (BilledCost, EffectiveCost,
ListCost, and usage quantity per usage type) with the same totals read from the fixture CSV with exact decimals.
"""
import csv
import gzip
import pathlib
import subprocess
import sys
import tempfile
from decimal import Decimal

import duckdb

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = ROOT / "examples/reconcile"
FIX = ROOT / "Tests/Fixtures/reconcile"

FOCUS_TYPES = {c: "DOUBLE" for c in "BilledCost EffectiveCost ListCost ContractedCost ListUnitPrice ContractedUnitPrice ConsumedQuantity PricingQuantity".split()}
FOCUS_TYPES.update({c: "TIMESTAMP" for c in "BillingPeriodStart BillingPeriodEnd ChargePeriodStart ChargePeriodEnd".split()})
FOCUS_TYPES["Tags"] = "MAP(VARCHAR, VARCHAR)"
CUR_TYPES = {c: "DOUBLE" for c in """line_item_unblended_cost line_item_blended_cost line_item_usage_amount pricing_public_on_demand_cost
    savings_plan_savings_plan_effective_cost savings_plan_total_commitment_to_date savings_plan_used_commitment
    reservation_effective_cost reservation_unused_amortized_upfront_fee_for_billing_period reservation_unused_recurring_fee""".split()}
CUR_TYPES.update({c: "TIMESTAMP" for c in """bill_billing_period_start_date bill_billing_period_end_date
    line_item_usage_start_date line_item_usage_end_date""".split()})
CUR_TYPES.update({"resource_tags": "MAP(VARCHAR, VARCHAR)", "product": "MAP(VARCHAR, VARCHAR)"})


def to_parquet(con, csv_path, types, out):
    text = gzip.open(csv_path, "rt", encoding="utf-8") if str(csv_path).endswith(".gz") else open(csv_path, encoding="utf-8")
    cols = next(csv.reader(text))
    exprs = []
    for c in cols:
        t = types.get(c)
        if t is None:
            exprs.append(f'nullif("{c}", \'\') AS "{c}"')
        elif t.startswith("MAP"):
            exprs.append(f'CAST(nullif("{c}", \'\')::JSON AS {t}) AS "{c}"')
        else:
            exprs.append(f'CAST(nullif("{c}", \'\') AS {t}) AS "{c}"')
    out.parent.mkdir(parents=True, exist_ok=True)
    con.sql(f"COPY (SELECT {', '.join(exprs)} FROM read_csv('{csv_path}', all_varchar = true, header = true)) "
            f"TO '{out}' (FORMAT parquet)")


def totals(rows, month_col, usage_col, qty_col, keep):
    out = {}
    for r in rows:
        if not keep(r):
            continue
        m = r[month_col][:7]
        t = out.setdefault(m, {"BilledCost": Decimal(0), "EffectiveCost": Decimal(0), "ListCost": Decimal(0), "quantity": {}})
        for k, v in r.items():
            if k in ("BilledCost", "EffectiveCost", "ListCost"):
                t[k] += Decimal(v or "0")
        if r[qty_col]:
            t["quantity"][r[usage_col]] = t["quantity"].get(r[usage_col], Decimal(0)) + Decimal(r[qty_col])
    return out


def focus_like_cur(r):
    """A CUR row's FOCUS costs (as the query defines them), for the comparison."""
    t = r["line_item_line_item_type"]
    z = lambda k: Decimal(r[k] or "0")
    if t == "SavingsPlanNegation":  # in FOCUS terms it is the covered usage's BilledCost of 0
        return dict(month=r["bill_billing_period_start_date"], BilledCost="0", EffectiveCost="0", ListCost="0",
                    usage=r["line_item_usage_type"], qty="")
    usage = t in ("Usage", "SavingsPlanCoveredUsage")
    return dict(
        month=r["bill_billing_period_start_date"],
        BilledCost=str(Decimal(0) if t == "SavingsPlanCoveredUsage" else z("line_item_unblended_cost")),
        EffectiveCost=str(z("savings_plan_savings_plan_effective_cost") if t == "SavingsPlanCoveredUsage"
                          else z("savings_plan_total_commitment_to_date") - z("savings_plan_used_commitment")
                          if t == "SavingsPlanRecurringFee" else z("line_item_unblended_cost")),
        ListCost=str(z("pricing_public_on_demand_cost") if usage else z("line_item_unblended_cost")),
        usage=r["line_item_usage_type"], qty=r["line_item_usage_amount"] if usage else "")


def compare(name, expected, actual):
    ok = True
    for m in sorted(set(expected) | set(actual)):
        e, a = expected.get(m), actual.get(m)
        for k in ("BilledCost", "EffectiveCost", "ListCost"):
            if e is None or a is None or abs(e[k] - a[k]) > Decimal("1e-8"):
                print(f"{name} {m} {k}: bill {e and e[k]}, aggregated {a and a[k]}")
                ok = False
        for u, q in (e or {}).get("quantity", {}).items():
            if abs(q - a["quantity"].get(u, Decimal(0))) > Decimal("1e-6"):
                print(f"{name} {m} {u} quantity: bill {q}, aggregated {a['quantity'].get(u)}")
                ok = False
        if ok:
            print(f"{name} {m}: BilledCost {a['BilledCost']}, EffectiveCost {a['EffectiveCost']}, "
                  f"ListCost {a['ListCost']}, {len(a['quantity'])} usage types: as the bill")
    return ok


def run(con, sql_file, workdir):
    sql = (HERE / sql_file).read_text(encoding="utf-8")
    sql = sql.replace("'focus/data/", f"'{workdir}/focus/data/").replace("'cur2/data/", f"'{workdir}/cur2/data/")
    sql = sql.replace("'bill-aggregated.csv'", f"'{workdir}/out.csv'")
    con.execute(sql)
    return list(csv.DictReader(open(f"{workdir}/out.csv", encoding="utf-8")))


def main():
    con = duckdb.connect()
    ok = True
    with tempfile.TemporaryDirectory() as d:
        # Daily rows (the committed FOCUS fixture has one row per month): the same bill, daily, drift included.
        src = pathlib.Path(d) / "daily-focus-1.2.csv"
        subprocess.run([sys.executable, str(ROOT / "scripts/generate-bill.py"), str(FIX / "shop.yaml"), "--pricing",
                        str(ROOT / "Tests/Fixtures/pricing"), "--billcast", str(ROOT / ".build/debug/billcast"),
                        "--months", "2026-09,2026-10", "--logical-ids", "--tag", "app=shop", "--set",
                        "lambda_duration_ms=400", "--forgotten", "AmazonEC2:NatGateway-Hours:730:0.045:Hrs",
                        "--credit", "25", "--savings-plan", "aws.lambda/duration[x86_64]=0.8:0.72", "-o", str(src)],
                       check=True)
        for m in ("2026-09", "2026-10"):
            to_parquet(con, src, FOCUS_TYPES, pathlib.Path(d) / f"focus/data/BILLING_PERIOD={m}/part-{m}.parquet")
        # Each month's file holds the whole bill: keep only its month.
        for m in ("2026-09", "2026-10"):
            p = pathlib.Path(d) / f"focus/data/BILLING_PERIOD={m}/part-{m}.parquet"
            con.sql(f"COPY (SELECT * FROM read_parquet('{p}') WHERE strftime(BillingPeriodStart, '%Y-%m') = '{m}') TO '{p}.tmp' (FORMAT parquet)")
            pathlib.Path(f"{p}.tmp").replace(p)
        bill = list(csv.DictReader(open(src, encoding="utf-8")))
        out = run(con, "duckdb-focus.sql", d)
        print(f"duckdb-focus.sql: {len(bill)} bill rows -> {len(out)} aggregated rows")
        ok &= compare("focus", totals(bill, "BillingPeriodStart", "SkuMeter", "ConsumedQuantity", lambda r: True),
                      totals(out, "BillingPeriodStart", "x_UsageType", "ConsumedQuantity", lambda r: True))
        for name in ("drift-cur2.csv", "exact-cur2.csv.gz"):
            src = FIX / name
            target = pathlib.Path(d) / "cur2/data/BILLING_PERIOD=all/part-0.parquet"
            to_parquet(con, src, CUR_TYPES, target)
            text = gzip.open(src, "rt", encoding="utf-8") if name.endswith(".gz") else open(src, encoding="utf-8")
            bill = [focus_like_cur(r) for r in csv.DictReader(text)]
            out = run(con, "duckdb-cur2.sql", d)
            print(f"duckdb-cur2.sql on {name}: {len(bill)} bill rows -> {len(out)} aggregated rows")
            ok &= compare(name, totals(bill, "month", "usage", "qty", lambda r: True),
                          totals(out, "BillingPeriodStart", "x_UsageType", "ConsumedQuantity", lambda r: True))
            target.unlink()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
