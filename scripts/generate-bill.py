#!/usr/bin/env python3
"""Writes a synthetic AWS bill (FOCUS 1.0/1.1/1.2 or CUR 2.0 CSV, optionally gzipped) from a profile.

    scripts/generate-bill.py PROFILE --months 2026-09,2026-10 [--format focus|cur2] [--focus-version 1.2]
        [--scenario S] [--architecture A] [--at low|high] [--pricing DIR] [--billcast PATH]
        [--account 111122223333] [--currency USD] [--exchange-rate 1] [--granularity daily|monthly] [--unprefixed OFFER]...
        [--tag KEY=VALUE]... [--logical-ids] [--logical-id COMPONENT=ID]... [--stack-name NAME]
        [--set VAR=VALUE]... [--price METER=FACTOR]... [--forgotten OFFER:USAGE_TYPE:QTY:RATE[:UNIT[:SKU]]]...
        [--credit AMOUNT[:OFFER]]... [--tax AMOUNT[:OFFER]]... [--refund AMOUNT[:OFFER]]...
        [--savings-plan METER=COVERED_SHARE:RATE_FACTOR]... [--gzip] [--manifest OUT.json] -o OUT

It runs `billcast estimate PROFILE --format json` once per month (as of the month's first day) and turns
each account meter into bill rows: the free-tier part (cost 0, "free tier" in the description) and the
billable part per price tier at the tier's rate, converted to AWS's unit (the meter's `price_list`
identity: unit and scale). Quantities and costs are split over the month's days (or one row per month)
with exact decimals; the last day takes the remainder, so every sum is exactly the estimate's.
Injected drift (--set, --price, --forgotten, --credit, --tax, --refund, --savings-plan) is listed with its
size in the --manifest. Same arguments, same bytes. docs/reconcile-at-scale.md describes the rows.
"""
import argparse
import calendar
import csv
import datetime
import decimal
import gzip
import hashlib
import io
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
from decimal import Decimal

decimal.getcontext().prec = 60
D0 = Decimal(0)
PLACES = Decimal("1e-10")

FOCUS_10 = """AvailabilityZone BilledCost BillingAccountId BillingAccountName BillingCurrency BillingPeriodEnd
BillingPeriodStart ChargeCategory ChargeClass ChargeDescription ChargeFrequency ChargePeriodEnd ChargePeriodStart
CommitmentDiscountCategory CommitmentDiscountId CommitmentDiscountName CommitmentDiscountType
CommitmentDiscountStatus ConsumedQuantity ConsumedUnit ContractedCost ContractedUnitPrice EffectiveCost
InvoiceIssuerName ListCost ListUnitPrice PricingCategory PricingQuantity PricingUnit ProviderName PublisherName
RegionId RegionName ResourceId ResourceName ResourceType ServiceCategory ServiceName SkuId SkuPriceId SubAccountId
SubAccountName Tags x_CostCategories x_Discounts x_Operation x_ServiceCode x_UsageType""".split()

FOCUS_12 = """AvailabilityZone BilledCost BillingAccountId BillingAccountName BillingAccountType BillingCurrency
BillingPeriodEnd BillingPeriodStart CapacityReservationId CapacityReservationStatus ChargeCategory ChargeClass
ChargeDescription ChargeFrequency ChargePeriodEnd ChargePeriodStart CommitmentDiscountCategory CommitmentDiscountId
CommitmentDiscountName CommitmentDiscountQuantity CommitmentDiscountType CommitmentDiscountUnit
CommitmentDiscountStatus ConsumedQuantity ConsumedUnit ContractedCost ContractedUnitPrice EffectiveCost InvoiceId
InvoiceIssuerName ListCost ListUnitPrice PricingCategory PricingCurrency PricingCurrencyContractedUnitPrice
PricingCurrencyEffectiveCost PricingCurrencyListUnitPrice PricingQuantity PricingUnit ProviderName PublisherName
RegionId RegionName ResourceId ResourceName ResourceType ServiceCategory ServiceName ServiceSubcategory SkuId
SkuMeter SkuPriceId SkuPriceDetails SubAccountId SubAccountName SubAccountType Tags x_Discounts x_Operation
x_ServiceCode""".split()

# AWS has no FOCUS 1.1 export: this is FOCUS 1.0 with AWS columns plus the columns FOCUS 1.1 added, in the same
# (alphabetical) order, keeping 1.0's x_ columns.
FOCUS_11 = sorted(
    FOCUS_10[:-5]
    + "CapacityReservationId CapacityReservationStatus CommitmentDiscountQuantity CommitmentDiscountUnit ServiceSubcategory SkuMeter SkuPriceDetails".split(),
    key=lambda c: FOCUS_12.index(c) if c in FOCUS_12 else FOCUS_10.index(c) + 0.5,
) + FOCUS_10[-5:]

CUR2 = """bill_bill_type bill_billing_entity bill_billing_period_end_date bill_billing_period_start_date bill_invoice_id
bill_invoicing_entity bill_payer_account_id bill_payer_account_name cost_category discount discount_bundled_discount
discount_total_discount identity_line_item_id identity_time_interval line_item_availability_zone
line_item_blended_cost line_item_blended_rate line_item_currency_code line_item_legal_entity
line_item_line_item_description line_item_line_item_type line_item_net_unblended_cost line_item_net_unblended_rate
line_item_normalization_factor line_item_normalized_usage_amount line_item_operation line_item_product_code
line_item_resource_id line_item_tax_type line_item_unblended_cost line_item_unblended_rate line_item_usage_account_id
line_item_usage_account_name line_item_usage_amount line_item_usage_end_date line_item_usage_start_date
line_item_usage_type pricing_currency pricing_lease_contract_length pricing_offering_class
pricing_public_on_demand_cost pricing_public_on_demand_rate pricing_purchase_option pricing_rate_code
pricing_rate_id pricing_term pricing_unit product product_comment product_fee_code product_fee_description
product_from_location product_from_location_type product_from_region_code product_instance_family
product_instance_type product_instancesku product_location product_location_type product_operation
product_pricing_unit product_product_family product_region_code product_servicecode product_sku
product_to_location product_to_location_type product_to_region_code product_usagetype
reservation_amortized_upfront_cost_for_usage reservation_amortized_upfront_fee_for_billing_period
reservation_availability_zone reservation_effective_cost reservation_end_time reservation_modification_status
reservation_net_amortized_upfront_cost_for_usage reservation_net_amortized_upfront_fee_for_billing_period
reservation_net_effective_cost reservation_net_recurring_fee_for_usage
reservation_net_unused_amortized_upfront_fee_for_billing_period reservation_net_unused_recurring_fee
reservation_net_upfront_value reservation_normalized_units_per_reservation reservation_number_of_reservations
reservation_recurring_fee_for_usage reservation_reservation_a_r_n reservation_start_time
reservation_subscription_id reservation_total_reserved_normalized_units reservation_total_reserved_units
reservation_units_per_reservation reservation_unused_amortized_upfront_fee_for_billing_period
reservation_unused_normalized_unit_quantity reservation_unused_quantity reservation_unused_recurring_fee
reservation_upfront_value resource_tags savings_plan_amortized_upfront_commitment_for_billing_period
savings_plan_end_time savings_plan_instance_type_family
savings_plan_net_amortized_upfront_commitment_for_billing_period
savings_plan_net_recurring_commitment_for_billing_period savings_plan_net_savings_plan_effective_cost
savings_plan_offering_type savings_plan_payment_option savings_plan_purchase_term
savings_plan_recurring_commitment_for_billing_period savings_plan_region savings_plan_savings_plan_a_r_n
savings_plan_savings_plan_effective_cost savings_plan_savings_plan_rate savings_plan_start_time
savings_plan_total_commitment_to_date savings_plan_used_commitment tags""".split()

# Usage-type prefixes (AWS's Region billing codes), as Sources/BillcastPricing/PriceList/PriceListRegions.swift.
PREFIXES = {
    "us-east-1": "USE1", "us-east-2": "USE2", "us-west-1": "USW1", "us-west-2": "USW2", "ca-central-1": "CAN1",
    "eu-west-1": "EU", "eu-west-2": "EUW2", "eu-west-3": "EUW3", "eu-central-1": "EUC1", "eu-north-1": "EUN1",
    "eu-south-1": "EUS1", "ap-northeast-1": "APN1", "ap-northeast-2": "APN2", "ap-northeast-3": "APN3",
    "ap-southeast-1": "APS1", "ap-southeast-2": "APS2", "ap-south-1": "APS3", "sa-east-1": "SAE1",
}
REGION_NAMES = {
    "us-east-1": "US East (N. Virginia)", "us-east-2": "US East (Ohio)", "us-west-1": "US West (N. California)",
    "us-west-2": "US West (Oregon)", "ca-central-1": "Canada (Central)", "eu-west-1": "Europe (Ireland)",
    "eu-west-2": "Europe (London)", "eu-west-3": "Europe (Paris)", "eu-central-1": "Europe (Frankfurt)",
    "eu-north-1": "Europe (Stockholm)", "eu-south-1": "Europe (Milan)", "ap-northeast-1": "Asia Pacific (Tokyo)",
    "ap-northeast-2": "Asia Pacific (Seoul)", "ap-northeast-3": "Asia Pacific (Osaka)",
    "ap-southeast-1": "Asia Pacific (Singapore)", "ap-southeast-2": "Asia Pacific (Sydney)",
    "ap-south-1": "Asia Pacific (Mumbai)", "sa-east-1": "South America (Sao Paulo)",
}
# Offers whose usage types carry no region prefix (edge locations, global resources).
GLOBAL_OFFERS = {"AmazonCloudFront", "AmazonRoute53"}
# Offer code -> (ServiceName, ServiceCategory), as AWS's FOCUS export names them.
SERVICES = {
    "AWSLambda": ("AWS Lambda", "Compute"),
    "AmazonApiGateway": ("Amazon API Gateway", "Web"),
    "AmazonS3": ("Amazon Simple Storage Service", "Storage"),
    "AmazonCloudWatch": ("AmazonCloudWatch", "Management and Governance"),
    "AmazonRDS": ("Amazon Relational Database Service", "Databases"),
    "AmazonEC2": ("Amazon Elastic Compute Cloud", "Compute"),
    "AmazonDynamoDB": ("Amazon DynamoDB", "Databases"),
    "AmazonCloudFront": ("Amazon CloudFront", "Networking"),
    "AmazonVPC": ("Amazon Virtual Private Cloud", "Networking"),
    "AWSDataTransfer": ("AWS Data Transfer", "Networking"),
    "AmazonRoute53": ("Amazon Route 53", "Networking"),
    "AWSSecretsManager": ("AWS Secrets Manager", "Security"),
    "AWSEvents": ("Amazon EventBridge", "Integration"),
    "AmazonSNS": ("Amazon Simple Notification Service", "Integration"),
    "AWSQueueService": ("Amazon Simple Queue Service", "Integration"),
    "AmazonECS": ("Amazon Elastic Container Service", "Compute"),
    "AWSAppRunner": ("AWS App Runner", "Compute"),
    "AWSELB": ("Elastic Load Balancing", "Networking"),
    "AmazonElastiCache": ("Amazon ElastiCache", "Databases"),
    "AmazonEFS": ("Amazon Elastic File System", "Storage"),
    "AmazonKinesis": ("Amazon Kinesis", "Analytics"),
    "AmazonMSK": ("Amazon Managed Streaming for Apache Kafka", "Analytics"),
    "AmazonECR": ("Amazon EC2 Container Registry (ECR)", "Compute"),
    "AmazonECRPublic": ("Amazon Elastic Container Registry Public", "Compute"),
    "AmazonCognito": ("Amazon Cognito", "Security"),
    "ComputeSavingsPlans": ("Savings Plans for AWS Compute usage", "Compute"),
}
ISSUER = "Amazon Web Services, Inc."


class Fail(Exception):
    pass


def dec(text, what):
    if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text or ""):
        raise Fail(f"{what}: '{text}' is not a decimal number")
    return Decimal(text)


def fmt(d):
    """A decimal as plain text: no exponent, no trailing zeros, no negative zero."""
    if d is None:
        return ""
    if d == 0:
        return "0"
    s = format(d.normalize(), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def split(total, weights):
    """`total` split in proportion to `weights` (decimals), each part rounded to PLACES, the last taking the rest."""
    whole = sum(weights, D0)
    parts, used = [], D0
    for i, w in enumerate(weights):
        if i == len(weights) - 1:
            parts.append(total - used)
        else:
            p = (total * w / whole).quantize(PLACES) if whole != 0 else D0
            parts.append(p)
            used += p
    return parts


def stamp(day):
    return day.strftime("%Y-%m-%dT00:00:00Z")


def month_bounds(month):
    y, m = (int(x) for x in month.split("-"))
    start = datetime.date(y, m, 1)
    end = datetime.date(y + (m == 12), m % 12 + 1, 1)
    return start, end


def periods(month, granularity):
    start, end = month_bounds(month)
    if granularity == "monthly":
        return [(start, end)]
    days = calendar.monthrange(start.year, start.month)[1]
    return [(start + datetime.timedelta(i), start + datetime.timedelta(i + 1)) for i in range(days)]


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("profile")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--format", choices=["focus", "cur2"], default="focus")
    p.add_argument("--focus-version", choices=["1.0", "1.1", "1.2"], default="1.2")
    p.add_argument("--months", required=True, help="YYYY-MM,YYYY-MM,...")
    p.add_argument("--scenario")
    p.add_argument("--architecture")
    p.add_argument("--at", choices=["low", "high"], default="low")
    p.add_argument("--pricing")
    p.add_argument("--billcast", default=".build/debug/billcast")
    p.add_argument("--account", default="111122223333")
    p.add_argument("--currency", default="USD")
    p.add_argument("--exchange-rate", default="1")
    p.add_argument("--granularity", choices=["daily", "monthly"], default="daily")
    p.add_argument("--unprefixed", action="append", default=[], help="OFFER whose us-east-1 usage types have no prefix")
    p.add_argument("--tag", action="append", default=[])
    p.add_argument("--logical-ids", action="store_true")
    p.add_argument("--logical-id", action="append", default=[], help="COMPONENT=LOGICAL_ID")
    p.add_argument("--stack-name", default="shop")
    p.add_argument("--set", action="append", default=[], dest="sets")
    p.add_argument("--price", action="append", default=[])
    p.add_argument("--forgotten", action="append", default=[])
    p.add_argument("--credit", action="append", default=[])
    p.add_argument("--tax", action="append", default=[])
    p.add_argument("--refund", action="append", default=[])
    p.add_argument("--savings-plan", action="append", default=[])
    p.add_argument("--gzip", action="store_true")
    p.add_argument("--manifest")
    return p.parse_args(argv)


def pairs(items, what, value):
    out = {}
    for item in items:
        if "=" not in item:
            raise Fail(f"{what} '{item}': expected NAME=VALUE")
        k, v = item.split("=", 1)
        out[k] = value(v, f"{what} {k}")
    return out


def months_of(text):
    months = text.split(",")
    for m in months:
        if not re.fullmatch(r"[0-9]{4}-(0[1-9]|1[0-2])", m):
            raise Fail(f"--months: '{m}' is not YYYY-MM")
    return months


def profile_with(profile, sets):
    """A copy of the profile beside it with each workload variable's value replaced; None when nothing is set."""
    if not sets:
        return None
    text = pathlib.Path(profile).read_text(encoding="utf-8")
    lines = text.split("\n")
    try:
        start = lines.index("workload:")
    except ValueError:
        raise Fail(f"{profile}: no top-level 'workload:' block for --set")
    missing = set(sets)
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line and not line.startswith(" ") and not line.startswith("#"):
            break
        m = re.match(r"^(  )([A-Za-z_][A-Za-z0-9_]*):(\s*)(.*?)(\s+#.*)?$", line)
        if m and m.group(2) in sets:
            lines[i] = f"  {m.group(2)}: {sets[m.group(2)]}" + (m.group(5) or "")
            missing.discard(m.group(2))
    if missing:
        raise Fail(f"--set: the profile's workload has no variable {', '.join(sorted(missing))}")
    fd, path = tempfile.mkstemp(prefix=".generate-bill-", suffix=".yaml", dir=os.path.dirname(os.path.abspath(profile)))
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return path


def estimate(args, profile, month):
    cmd = [args.billcast, "estimate", profile, "--format", "json", "--as-of", month + "-01"]
    if args.scenario:
        cmd += ["--scenario", args.scenario]
    if args.architecture:
        cmd += ["--architecture", args.architecture]
    if args.pricing:
        cmd += ["--pricing", args.pricing]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        raise Fail(f"billcast estimate failed ({' '.join(cmd)}):\n{run.stderr}")
    results = json.loads(run.stdout)["results"]
    if len(results) != 1:
        raise Fail(f"the estimate has {len(results)} scenario x architecture results; choose one with --scenario and --architecture")
    return json.loads(run.stdout), results[0]


def line_shares(result, meter, end, split_components):
    """(component, quantity, free tier) per component using the account meter, or one share for the meter."""
    if not split_components:
        return None
    shares = []
    for s in result["services"]:
        for line in s["lines"]:
            if line["account_meter"] == meter and Decimal(line["quantity"][end]) != 0:
                shares.append((line["component"], Decimal(line["quantity"][end]), Decimal(line["free_tier"][end])))
    return shares


def usage_type(offer, usage, region, unprefixed=()):
    """The usage type as a bill writes it: with the region's prefix, except for global offers and, in
    us-east-1, the offers given with --unprefixed (AWS writes some us-east-1 usage types bare)."""
    if offer in GLOBAL_OFFERS or (region == "us-east-1" and offer in unprefixed):
        return usage
    if region not in PREFIXES:
        raise Fail(f"no usage-type prefix known for region {region}")
    return f"{PREFIXES[region]}-{usage}"


class Bill:
    """The bill's rows, as neutral facts the FOCUS and CUR writers render. Amounts are in USD."""

    def __init__(self, args, region):
        self.args = args
        self.region = region
        self.rows = []
        self.elsewhere = set()
        self.tags = dict(t.split("=", 1) for t in args.tag)
        self.logical = dict(x.split("=", 1) for x in args.logical_id)
        digest = hashlib.sha256(args.account.encode()).hexdigest()
        self.sp_arn = f"arn:aws:savingsplans::{args.account}:savingsplan/{digest[:8]}-{digest[8:12]}-4{digest[13:16]}-8{digest[17:20]}-{digest[20:32]}"

    def tags_for(self, component):
        tags = dict(self.tags)
        if component is not None:
            tags["aws:cloudformation:logical-id"] = self.logical.get(component, component)
            tags["aws:cloudformation:stack-name"] = self.args.stack_name
        return tags

    def spread(self, month, base, quantity, costs):
        """Rows for `base` over the month's periods: quantity and each named cost split exactly."""
        spans = periods(month, self.args.granularity)
        ones = [Decimal(1)] * len(spans)
        q = split(quantity, ones) if quantity is not None else [None] * len(spans)
        parts = {k: split(v, ones) for k, v in costs.items()}
        for i, (s, e) in enumerate(spans):
            row = dict(base, start=s, end=e, quantity=q[i])
            for k in costs:
                row[k] = parts[k][i]
            self.rows.append(row)


def meter_rows(bill, month, result, m, end, factors, plans, split_components):
    """Free-tier and billable rows of one account meter, per component and tier, over the month."""
    quantity = Decimal(m["quantity"][end])
    drawn = sum((Decimal(f["drawn"][end]) for f in m["free_tier"]), D0)
    if quantity == 0:
        return
    if not m["meter"].startswith("aws."):
        bill.elsewhere.add(m["meter"])  # another provider's meter (Firebase): not on an AWS bill
        return
    pl = m.get("price_list")
    if pl is None:
        raise Fail(f"{m['meter']}: the pricing table gives no Price List identity (price_list), so its bill rows cannot be named")
    offer = pl["offer"]
    if offer not in SERVICES:
        raise Fail(f"{m['meter']}: no service name known for offer {offer}")
    ut = usage_type(offer, pl.get("region_usage_type", pl["usage_type"]), bill.region, bill.args.unprefixed)
    scale = Decimal(pl.get("scale", "1"))
    base = dict(offer=offer, usage_type=ut, operation=pl.get("attributes", {}).get("operation", ""), unit=pl["unit"],
                sku=pl.get("sku", ""), region=bill.region, month=month, meter=m["meter"])
    factor = factors.get(m["meter"], Decimal(1))
    shares = line_shares(result, m["meter"], end, split_components) or [(None, quantity, drawn)]
    weights = [q for _, q, _ in shares]
    pools = "; ".join(f"pool {f['pool']}, {f['kind']}" for f in m["free_tier"] if Decimal(f["drawn"][end]) != 0)
    for component, _, free in shares:
        if free != 0:
            row = dict(base, kind="free", component=component, tags=bill.tags_for(component), tier=-1, list_rate=D0,
                       description=f"Free tier: {fmt(drawn * scale)} {pl['unit']} of {ut} per month are free ({pools})")
            bill.spread(month, row, free * scale, {"list_cost": D0})
    covered_share, rate_factor = plans.get(m["meter"], (D0, D0))
    for t, tier in enumerate(m["tiers"][end]):
        tq, tcost = Decimal(tier["quantity"]), Decimal(tier["cost"])
        if tq == 0:
            continue
        rate = Decimal(tier["rate"]) / Decimal(tier["per"]) / scale * factor
        for (component, _, _), q, c in zip(shares, split(tq, weights), split(tcost, weights)):
            c = c * factor
            row = dict(base, component=component, tags=bill.tags_for(component), tier=t, list_rate=rate,
                       description=f"${fmt(rate)} per {pl['unit']} for {ut} in {REGION_NAMES.get(bill.region, bill.region)}")
            cq, cc = (q * covered_share).quantize(PLACES), (c * covered_share).quantize(PLACES)
            if q - cq != 0:
                bill.spread(month, dict(row, kind="usage"), (q - cq) * scale, {"list_cost": c - cc})
            if cq != 0:
                sp = dict(row, kind="sp-covered", sp_rate=rate * rate_factor, sp_arn=bill.sp_arn)
                bill.spread(month, sp, cq * scale, {"list_cost": cc, "sp_cost": cc * rate_factor})


def extra_rows(bill, month, args):
    start, end = month_bounds(month)
    for spec in args.forgotten:
        f = spec.split(":")
        if len(f) < 4 or len(f) > 6:
            raise Fail(f"--forgotten '{spec}': expected OFFER:USAGE_TYPE:QUANTITY:RATE[:UNIT[:SKU]]")
        offer, ut, q, rate = f[0], f[1], dec(f[2], "--forgotten quantity"), dec(f[3], "--forgotten rate")
        unit, sku = (f[4] if len(f) > 4 else "Units"), (f[5] if len(f) > 5 else "")
        if offer not in SERVICES:
            raise Fail(f"--forgotten '{spec}': no service name known for offer {offer}")
        uts = usage_type(offer, ut, bill.region, args.unprefixed)
        row = dict(kind="usage", offer=offer, usage_type=uts, operation="", unit=unit, sku=sku, region=bill.region,
                   month=month, meter="", component=None, tags=bill.tags_for(None), tier=0, list_rate=rate,
                   description=f"${fmt(rate)} per {unit} for {uts} in {REGION_NAMES.get(bill.region, bill.region)}")
        bill.spread(month, row, q, {"list_cost": q * rate})
    for kind, specs, sign in (("credit", args.credit, -1), ("tax", args.tax, 1), ("refund", args.refund, -1)):
        for spec in specs:
            amount, _, offer = spec.partition(":")
            amount = abs(dec(amount, f"--{kind}")) * sign
            if offer and offer not in SERVICES:
                raise Fail(f"--{kind} '{spec}': no service name known for offer {offer}")
            text = {"credit": "AWS Promotional Credit", "tax": "Tax for billing period", "refund": "Refund"}[kind]
            bill.rows.append(dict(kind=kind, offer=offer, usage_type="", operation="", unit="", sku="", region="",
                                  month=month, meter="", component=None, tags=None, tier=0, start=start, end=end,
                                  quantity=None, list_rate=None, list_cost=amount, description=f"{text} {month}"))


def sp_fees(bill, month, arn):
    """The Savings Plan's recurring fee per period: the covered usage's SP cost (the plan fully used)."""
    fees = {}
    for r in bill.rows:
        if r["month"] == month and r["kind"] == "sp-covered":
            fees[r["start"]] = fees.get(r["start"], D0) + r["sp_cost"]
    for (s, e) in periods(month, bill.args.granularity):
        if s in fees:
            bill.rows.append(dict(kind="sp-fee", offer="ComputeSavingsPlans", usage_type="ComputeSP:1yrNoUpfront",
                                  operation="", unit="", sku="", region="", month=month, meter="", component=None,
                                  tags=None, tier=0, start=s, end=e, quantity=None, list_rate=None, list_cost=fees[s],
                                  sp_arn=arn, description="1 year No Upfront Compute Savings Plan"))


KIND_ORDER = {"free": 0, "usage": 1, "sp-covered": 2, "sp-fee": 3, "credit": 4, "refund": 5, "tax": 6}


def jtext(mapping):
    return json.dumps(mapping, sort_keys=True, separators=(",", ":"), ensure_ascii=False) if mapping else ""


def service(offer):
    return SERVICES.get(offer, ("", ""))


def focus_row(r, a, fx):
    """One neutral row as FOCUS columns (every version's superset; the writer picks its columns)."""
    bs, be = month_bounds(r["month"])
    name, category = service(r["offer"])
    c = lambda d: fmt(d * fx) if d is not None else ""
    row = dict(BillingAccountId=a.account, BillingCurrency=a.currency, BillingPeriodStart=stamp(bs),
               BillingPeriodEnd=stamp(be), ChargePeriodStart=stamp(r["start"]), ChargePeriodEnd=stamp(r["end"]),
               ChargeDescription=r["description"], InvoiceIssuerName=ISSUER, ProviderName="AWS", PublisherName=ISSUER,
               SubAccountId=a.account, ServiceName=name, ServiceCategory=category, x_ServiceCode=r["offer"],
               x_UsageType=r["usage_type"], SkuMeter=r["usage_type"], x_Operation=r["operation"], SkuId=r["sku"],
               RegionId=r["region"], RegionName=REGION_NAMES.get(r["region"], ""), Tags=jtext(r["tags"]))
    cost = r["list_cost"]
    kind = r["kind"]
    if kind in ("usage", "free", "sp-covered"):
        rate = r["list_rate"]
        row.update(ChargeCategory="Usage", ChargeFrequency="Usage-Based", PricingCategory="Standard",
                   ConsumedQuantity=fmt(r["quantity"]), ConsumedUnit=r["unit"], PricingQuantity=fmt(r["quantity"]),
                   PricingUnit=r["unit"], ListUnitPrice=c(rate), ContractedUnitPrice=c(rate),
                   PricingCurrencyListUnitPrice=fmt(rate), PricingCurrencyContractedUnitPrice=fmt(rate))
        billed = effective = cost
        if kind == "sp-covered":
            billed, effective = D0, r["sp_cost"]
            row.update(PricingCategory="Committed", CommitmentDiscountId=r["sp_arn"], CommitmentDiscountType="Savings Plan",
                       CommitmentDiscountCategory="Spend", CommitmentDiscountStatus="Used")
        row.update(BilledCost=c(billed), EffectiveCost=c(effective), ListCost=c(cost), ContractedCost=c(cost),
                   PricingCurrency="USD", PricingCurrencyEffectiveCost=fmt(effective))
    else:
        effective = D0 if kind == "sp-fee" else cost
        row.update(BilledCost=c(cost), EffectiveCost=c(effective), ListCost=c(cost), ContractedCost=c(cost),
                   PricingCurrency="USD", PricingCurrencyEffectiveCost=fmt(effective),
                   ChargeCategory={"sp-fee": "Purchase", "credit": "Credit", "refund": "Credit", "tax": "Tax"}[kind],
                   ChargeFrequency="Recurring" if kind == "sp-fee" else "One-Time",
                   PricingCategory={"sp-fee": "Standard", "tax": ""}.get(kind, "Other"),
                   ChargeClass="Correction" if kind == "refund" else "")
        if kind == "sp-fee":
            row.update(CommitmentDiscountId=r["sp_arn"], CommitmentDiscountType="Savings Plan",
                       CommitmentDiscountCategory="Spend", ResourceId=r["sp_arn"], x_UsageType=r["usage_type"])
    return row


def cur_norm(key):
    k = re.sub(r"[^a-z0-9]", "_", key.lower())
    return k if key.startswith("aws:") else "user_" + k


def cur_rows(r, a, fx):
    """One neutral row as CUR 2.0 rows (a Savings Plan covered row also gives its negation)."""
    bs, be = month_bounds(r["month"])
    name, _ = service(r["offer"])
    c = lambda d: fmt(d * fx) if d is not None else ""
    row = dict(bill_bill_type="Anniversary", bill_billing_entity="AWS", bill_billing_period_start_date=stamp(bs),
               bill_billing_period_end_date=stamp(be), bill_invoicing_entity=ISSUER, bill_payer_account_id=a.account,
               identity_time_interval=f"{stamp(r['start'])}/{stamp(r['end'])}", line_item_currency_code=a.currency,
               line_item_legal_entity=ISSUER, line_item_line_item_description=r["description"],
               line_item_operation=r["operation"], line_item_product_code=r["offer"],
               line_item_usage_account_id=a.account, line_item_usage_start_date=stamp(r["start"]),
               line_item_usage_end_date=stamp(r["end"]), line_item_usage_type=r["usage_type"], pricing_currency="USD",
               product=jtext({"product_name": name, "region": r["region"]} if r["region"] else {"product_name": name}),
               product_location=REGION_NAMES.get(r["region"], ""), product_location_type="AWS Region" if r["region"] else "",
               product_operation=r["operation"], product_region_code=r["region"], product_servicecode=r["offer"],
               product_sku=r["sku"], product_usagetype=r["usage_type"], product_pricing_unit=r["unit"],
               reservation_effective_cost="0", savings_plan_savings_plan_effective_cost="0",
               resource_tags=jtext({cur_norm(k): v for k, v in (r["tags"] or {}).items()}))
    kind, cost = r["kind"], r["list_cost"]
    if kind in ("usage", "free", "sp-covered"):
        rate = r["list_rate"]
        row.update(line_item_line_item_type="Usage", line_item_usage_amount=fmt(r["quantity"]), pricing_unit=r["unit"],
                   line_item_unblended_rate=c(rate), line_item_unblended_cost=c(cost), line_item_blended_rate=c(rate),
                   line_item_blended_cost=c(cost), pricing_public_on_demand_rate=c(rate),
                   pricing_public_on_demand_cost=c(cost), pricing_term="OnDemand")
        if kind != "sp-covered":
            return [row]
        row.update(line_item_line_item_type="SavingsPlanCoveredUsage", savings_plan_savings_plan_a_r_n=r["sp_arn"],
                   savings_plan_savings_plan_effective_cost=c(r["sp_cost"]), savings_plan_savings_plan_rate=c(r["sp_rate"]),
                   line_item_line_item_description=f"SavingsPlanCoveredUsage: {r['description']}")
        negation = dict(row, line_item_line_item_type="SavingsPlanNegation", line_item_usage_amount="0",
                        line_item_unblended_cost=c(-cost), line_item_blended_cost=c(-cost),
                        line_item_unblended_rate=c(-rate), line_item_blended_rate=c(-rate),
                        pricing_public_on_demand_cost="0", pricing_public_on_demand_rate=c(rate),
                        savings_plan_savings_plan_effective_cost="0",
                        line_item_line_item_description=f"SavingsPlanNegation used by AccountId : {a.account} and UsageSku : {r['sku']}")
        return [row, negation]
    row.update(line_item_line_item_type={"sp-fee": "SavingsPlanRecurringFee", "credit": "Credit", "refund": "Refund",
                                         "tax": "Tax"}[kind],
               line_item_unblended_cost=c(cost), line_item_blended_cost=c(cost))
    if kind == "sp-fee":
        row.update(savings_plan_savings_plan_a_r_n=r["sp_arn"], savings_plan_total_commitment_to_date=c(cost),
                   savings_plan_used_commitment=c(cost), savings_plan_recurring_commitment_for_billing_period=c(cost),
                   savings_plan_offering_type="ComputeSavingsPlans", savings_plan_payment_option="No Upfront",
                   savings_plan_purchase_term="1yr")
    return [row]


def render(bill, args, fx):
    columns = CUR2 if args.format == "cur2" else {"1.0": FOCUS_10, "1.1": FOCUS_11, "1.2": FOCUS_12}[args.focus_version]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(columns)
    rows = sorted(bill.rows, key=lambda r: (r["start"], r["offer"], r["usage_type"], KIND_ORDER[r["kind"]],
                                           r["component"] or "", r["tier"]))
    for r in rows:
        for row in (cur_rows(r, args, fx) if args.format == "cur2" else [focus_row(r, args, fx)]):
            if args.format == "cur2":
                body = [row.get(k, "") for k in columns]
                row["identity_line_item_id"] = hashlib.sha256("\x1f".join(body).encode()).hexdigest()[:52]
            w.writerow([row.get(k, "") for k in columns])
    return out.getvalue().encode("utf-8")


def write(data, path, gz):
    if gz:
        buf = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as g:
            g.write(data)
        data = buf.getvalue()
    pathlib.Path(path).write_bytes(data)


def meters_at(result, end):
    return {m["meter"]: (Decimal(m["quantity"][end]), Decimal(m["cost"][end])) for m in result["meters"]}


def main(argv):
    args = parse_args(argv)
    months = months_of(args.months)
    fx = dec(args.exchange_rate, "--exchange-rate")
    sets = pairs(args.sets, "--set", lambda v, w: v)
    factors = pairs(args.price, "--price", dec)
    plans = {}
    for k, v in pairs(args.savings_plan, "--savings-plan", lambda v, w: v).items():
        share, _, rf = v.partition(":")
        plans[k] = (dec(share, f"--savings-plan {k} covered share"), dec(rf, f"--savings-plan {k} rate factor"))
    split_components = args.logical_ids or bool(args.logical_id)
    temp = profile_with(args.profile, sets)
    causes, estimates, seen_meters = [], {}, set()
    try:
        bill = None
        per_month = []
        for month in months:
            report, base = estimate(args, args.profile, month)
            drifted = estimate(args, temp, month)[1] if temp else base
            if bill is None:
                bill = Bill(args, report["region"])
            estimates[month] = base
            for m in drifted["meters"]:
                seen_meters.add(m["meter"])
                meter_rows(bill, month, drifted, m, args.at, factors, plans, split_components)
            extra_rows(bill, month, args)
            if plans:
                sp_fees(bill, month, bill.sp_arn)
            per_month.append((month, base, drifted))
    finally:
        if temp:
            os.remove(temp)
    for name in list(factors) + list(plans):
        if name not in seen_meters:
            raise Fail(f"no account meter {name} in the estimate (meters: {', '.join(sorted(seen_meters))})")
    write(render(bill, args, fx), args.output, args.gzip)
    if args.manifest:
        manifest = build_manifest(args, bill, per_month, sets, factors, plans, fx)
        pathlib.Path(args.manifest).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def build_manifest(args, bill, per_month, sets, factors, plans, fx):
    end = args.at
    causes = []
    if sets:
        changes = []
        for month, base, drifted in per_month:
            b, d = meters_at(base, end), meters_at(drifted, end)
            for meter in d:
                if d[meter] != b.get(meter):
                    bq, bc = b.get(meter, (D0, D0))
                    changes.append(dict(month=month, meter=meter, estimate_quantity=fmt(bq), bill_quantity=fmt(d[meter][0]),
                                        estimate_cost=fmt(bc), bill_cost_at_table_prices=fmt(d[meter][1])))
        causes.append(dict(kind="workload", variables=[{"variable": k, "bill_value": v} for k, v in sets.items()],
                           meters=changes))
    for meter, factor in factors.items():
        months = {}
        for month, _, drifted in per_month:
            q, cost = meters_at(drifted, end)[meter]
            months[month] = dict(table_cost=fmt(cost), bill_cost=fmt(cost * factor), difference=fmt(cost * factor - cost))
        causes.append(dict(kind="price", meter=meter, factor=fmt(factor), months=months))
    for spec in args.forgotten:
        f = spec.split(":")
        q, rate = Decimal(f[2]), Decimal(f[3])
        causes.append(dict(kind="forgotten", offer=f[0], usage_type=usage_type(f[0], f[1], bill.region, args.unprefixed), quantity=fmt(q),
                           rate=fmt(rate), unit=f[4] if len(f) > 4 else "Units", sku=f[5] if len(f) > 5 else "",
                           monthly_cost=fmt(q * rate)))
    for kind, specs, sign in (("credit", args.credit, -1), ("tax", args.tax, 1), ("refund", args.refund, -1)):
        for spec in specs:
            amount, _, offer = spec.partition(":")
            causes.append(dict(kind=kind, amount_per_month=fmt(abs(Decimal(amount)) * sign), offer=offer))
    for meter, (share, rf) in plans.items():
        months = {}
        for month, _, _ in per_month:
            rows = [r for r in bill.rows if r["month"] == month and r["meter"] == meter and r["kind"] == "sp-covered"]
            od = sum((r["list_cost"] for r in rows), D0)
            sp = sum((r["sp_cost"] for r in rows), D0)
            months[month] = dict(covered_quantity=fmt(sum((r["quantity"] for r in rows), D0)), on_demand_cost=fmt(od),
                                 savings_plan_cost=fmt(sp), savings=fmt(od - sp), recurring_fee=fmt(sp))
        causes.append(dict(kind="savings-plan", meter=meter, covered_share=fmt(share), rate_factor=fmt(rf), months=months))
    if args.currency != "USD" or fx != 1:
        causes.append(dict(kind="currency", currency=args.currency, exchange_rate=fmt(fx),
                           note="every amount and unit price is the USD figure x exchange_rate; PricingCurrency* (FOCUS 1.2) keep USD"))
    totals = {}
    for month, base, _ in per_month:
        rows = [r for r in bill.rows if r["month"] == month]
        billed = sum((D0 if r["kind"] == "sp-covered" else r["list_cost"] for r in rows), D0)
        effective = sum((r["sp_cost"] if r["kind"] == "sp-covered" else D0 if r["kind"] == "sp-fee" else r["list_cost"]
                         for r in rows), D0)
        usage_list = sum((r["list_cost"] for r in rows if r["kind"] in ("usage", "free", "sp-covered")), D0)
        totals[month] = dict(estimate_total=base["total"][end], bill_billed_cost=fmt(billed * fx),
                             bill_effective_cost=fmt(effective * fx), bill_usage_list_cost=fmt(usage_list * fx),
                             rows=sum(2 if args.format == "cur2" and r["kind"] == "sp-covered" else 1 for r in rows))
    return dict(schema="billcast.generated-bill/1",
                format="cur2" if args.format == "cur2" else f"focus-{args.focus_version}",
                profile=args.profile, scenario=per_month[0][1]["scenario"], architecture=per_month[0][1]["architecture"],
                at=end, account=args.account, currency=args.currency, exchange_rate=fmt(fx),
                granularity=args.granularity, unprefixed_in_us_east_1=sorted(args.unprefixed), tags=bill.tags, logical_ids=bool(args.logical_ids or args.logical_id),
                note="causes' amounts are in USD at the table's prices; bill_* totals are in the bill's currency",
                months=totals, causes=causes, not_on_aws_bill=sorted(bill.elsewhere))


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except Fail as e:
        print(f"generate-bill: error: {e}", file=sys.stderr)
        sys.exit(2)
