#!/usr/bin/env python3
"""Tests of scripts/generate-bill.py and the fixture bills it wrote (stdlib only; no billcast needed).

    python3 scripts/test-generate-bill.py

The figures are worked out by hand from the frozen test catalog's us-east-1 rates and shop.yaml
(Tests/Fixtures/reconcile/README.md has the breakdown).
"""
import csv
import gzip
import importlib.util
import io
import pathlib
import unittest
from decimal import Decimal as D

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIX = ROOT / "Tests/Fixtures/reconcile"
spec = importlib.util.spec_from_file_location("generate_bill", ROOT / "scripts/generate-bill.py")
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)


def rows(name):
    data = (FIX / name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def total(rs, col, keep=lambda r: True):
    return sum((D(r[col]) for r in rs if keep(r) and r[col]), D(0))


class Helpers(unittest.TestCase):
    def test_split_is_exact_and_the_last_part_takes_the_rest(self):
        # 10 / 3 = 3.3333333333 to 10 places, twice; the last gets 10 - 6.6666666666 = 3.3333333334.
        self.assertEqual(gen.split(D(10), [D(1)] * 3), [D("3.3333333333"), D("3.3333333333"), D("3.3333333334")])
        # In proportion: 1,000,000 and 500,000 GB-s share 400,000 free as 266,666.6666666667 and the rest.
        self.assertEqual(gen.split(D(400000), [D(1000000), D(500000)]), [D("266666.6666666667"), D("133333.3333333333")])

    def test_numbers_are_plain_decimals(self):
        self.assertEqual(gen.fmt(D("1E-7")), "0.0000001")
        self.assertEqual(gen.fmt(D("2.500")), "2.5")
        self.assertEqual(gen.fmt(D("-0")), "0")
        self.assertEqual(gen.fmt(D("1E+3")), "1000")

    def test_tag_keys_and_usage_types(self):
        self.assertEqual(gen.cur_norm("aws:cloudformation:logical-id"), "aws_cloudformation_logical_id")
        self.assertEqual(gen.cur_norm("app"), "user_app")
        self.assertEqual(gen.usage_type("AWSLambda", "Lambda-GB-Second", "eu-west-1"), "EU-Lambda-GB-Second")
        self.assertEqual(gen.usage_type("AmazonCloudFront", "US-DataTransfer-Out-Bytes", "us-east-1"), "US-DataTransfer-Out-Bytes")
        self.assertEqual(gen.usage_type("AmazonS3", "Requests-Tier1", "us-east-1", ["AmazonS3"]), "Requests-Tier1")
        self.assertEqual(gen.usage_type("AmazonS3", "Requests-Tier1", "us-west-2", ["AmazonS3"]), "USW2-Requests-Tier1")

    def test_column_sets(self):
        self.assertEqual((len(gen.FOCUS_10), len(gen.FOCUS_11), len(gen.FOCUS_12), len(gen.CUR2)), (48, 55, 60, 115))
        self.assertIn("x_UsageType", gen.FOCUS_10)
        self.assertNotIn("x_UsageType", gen.FOCUS_12)
        self.assertIn("SkuMeter", gen.FOCUS_12)


class Fixtures(unittest.TestCase):
    def test_exact_focus_is_the_estimate(self):
        rs = rows("exact-focus-1.2.csv")
        for month in ("2026-09", "2026-10"):
            mine = [r for r in rs if r["BillingPeriodStart"].startswith(month)]
            self.assertEqual(total(mine, "BilledCost"), D("77.44937"))
            # Lambda duration: 1,500,000 GB-s, 400,000 free, 1,100,000 × $0.0000166667 = $18.33337.
            lam = [r for r in mine if r["SkuMeter"] == "USE1-Lambda-GB-Second"]
            self.assertEqual(total(lam, "ConsumedQuantity"), D(1500000))
            self.assertEqual(total(lam, "ConsumedQuantity", lambda r: r["ChargeDescription"].startswith("Free tier")), D(400000))
            self.assertEqual(total(lam, "BilledCost"), D("18.33337"))
        self.assertEqual(len(next(csv.reader(open(FIX / "exact-focus-1.2.csv")))), 60)

    def test_exact_cur_is_daily_gzipped_and_sums_to_the_estimate(self):
        raw = (FIX / "exact-cur2.csv.gz").read_bytes()
        self.assertEqual(raw[3], 0)  # no file name (FNAME flag unset)
        self.assertEqual(raw[4:8], b"\0\0\0\0")  # mtime 0
        rs = rows("exact-cur2.csv.gz")
        sept = [r for r in rs if r["bill_billing_period_start_date"].startswith("2026-09")]
        self.assertEqual(total(sept, "line_item_unblended_cost"), D("77.44937"))
        # 18 rows a month, each on each of September's 30 days.
        self.assertEqual(len(sept), 18 * 30)
        # HTTP API: 5,000,000 requests at $1.00 per million = $5, split over 30 days.
        api = [r for r in sept if r["line_item_usage_type"] == "USE1-ApiGatewayHttpRequest"]
        self.assertEqual((len(api), total(api, "line_item_usage_amount"), total(api, "line_item_unblended_cost")),
                         (30, D(5000000), D(5)))
        self.assertEqual(api[0]["pricing_public_on_demand_rate"], "0.000001")

    def test_drift_focus_has_each_cause(self):
        rs = rows("drift-focus-1.0.csv")
        # 77.44937 + 16.6667 (doubled duration) + 4.38 (ACU price × 1.1) + 32.85 (NAT) − 25 (credit).
        self.assertEqual(total(rs, "BilledCost"), D("106.34607"))
        acu = [r for r in rs if r["x_UsageType"] == "USE1-Aurora:ServerlessV2Usage"]
        self.assertEqual((acu[0]["ListUnitPrice"], acu[0]["BilledCost"]), ("0.132", "48.18"))  # 365 × 0.12 × 1.1
        nat = [r for r in rs if r["x_UsageType"] == "USE1-NatGateway-Hours"]
        self.assertEqual((nat[0]["ConsumedQuantity"], nat[0]["BilledCost"], nat[0]["Tags"]), ("730", "32.85", '{"app":"shop"}'))
        # S3 is written without the us-east-1 prefix (--unprefixed AmazonS3), CloudWatch's storage with it.
        storage = {(r["x_ServiceCode"], r["x_UsageType"]) for r in rs if r["x_UsageType"].endswith("TimedStorage-ByteHrs")}
        self.assertEqual(storage, {("AmazonS3", "TimedStorage-ByteHrs"), ("AmazonCloudWatch", "USE1-TimedStorage-ByteHrs")})
        credit = [r for r in rs if r["ChargeCategory"] == "Credit"]
        self.assertEqual([r["BilledCost"] for r in credit], ["-25"])
        # api duration doubled: 5M requests × 0.4 s × 1 GB = 2,000,000 GB-s; worker 500,000.
        lam = [r for r in rs if r["x_UsageType"] == "USE1-Lambda-GB-Second"]
        by = lambda lid: total(lam, "ConsumedQuantity", lambda r: f'"aws:cloudformation:logical-id":"{lid}"' in r["Tags"])
        self.assertEqual((by("api"), by("worker")), (D(2000000), D(500000)))

    def test_drift_cur_savings_plan_rows(self):
        rs = rows("drift-cur2.csv")
        kind = lambda t: [r for r in rs if r["line_item_line_item_type"] == t]
        covered, negation, fee = kind("SavingsPlanCoveredUsage"), kind("SavingsPlanNegation"), kind("SavingsPlanRecurringFee")
        # 80% of the 2,100,000 billable GB-s: 1,680,000 GB-s, on demand 1,680,000 × 0.0000166667 = 28.000056.
        self.assertEqual(total(covered, "line_item_usage_amount"), D(1680000))
        self.assertEqual(total(covered, "line_item_unblended_cost"), D("28.000056"))
        self.assertEqual(total(negation, "line_item_unblended_cost"), D("-28.000056"))
        # At 72% of on demand: 28.000056 × 0.72 = 20.16004032, the plan's fee (fully used).
        self.assertEqual(total(covered, "savings_plan_savings_plan_effective_cost"), D("20.16004032"))
        self.assertEqual(total(fee, "line_item_unblended_cost"), D("20.16004032"))
        # Net unblended: 106.34607 − 28.000056 + 20.16004032 = 98.50605432.
        self.assertEqual(total(rs, "line_item_unblended_cost"), D("98.50605432"))

    def test_eur_bill(self):
        rs = rows("eur-focus-1.2.csv")
        self.assertEqual({r["BillingCurrency"] for r in rs}, {"EUR"})
        self.assertEqual(total(rs, "BilledCost"), D("71.2534204"))  # 77.44937 × 0.92
        self.assertEqual(total(rs, "PricingCurrencyEffectiveCost"), D("77.44937"))


if __name__ == "__main__":
    unittest.main()
