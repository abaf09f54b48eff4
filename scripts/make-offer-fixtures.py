#!/usr/bin/env python3
"""Writes the offer-file fixtures the import/verify tests read, in AWS's three published layouts.

The products are AWS Lambda's on-demand products in us-east-1 with the SKUs and usage types seen in
Price List copies (docs/research/price-list-identities.md 3.2) and the rates of
the frozen test catalog's Tests/Fixtures/pricing/aws/rates/us-east-1.yaml, plus rows an importer must pass over (free tier, Lambda@Edge,
a non-USD term). `--lambda-x86-tier1 RATE` changes one rate; `--size-mb N` pads the Bulk file
with N MB of unrelated products (for the streaming benchmark).
"""
import argparse, json, sys

P = [  # sku, usagetype, group, unit, [(begin, end, usd)]
    ("GU2ZS9HVP6QTQ7KE", "Request", "AWS-Lambda-Requests", "Requests", [("0", "Inf", "0.0000002000")]),
    ("K7BX6567RJ67A2KE", "Request-ARM", "AWS-Lambda-Requests-ARM", "Requests", [("0", "Inf", "0.0000002000")]),
    ("TG3M4CAGBA3NYQBH", "Lambda-GB-Second", "AWS-Lambda-Duration", "Lambda-GB-Second",
     [("0", "6000000000", "0.0000166667"), ("6000000000", "15000000000", "0.0000150000"), ("15000000000", "Inf", "0.0000133334")]),
    ("72SBSFWPMDTH8S3J", "Lambda-GB-Second-ARM", "AWS-Lambda-Duration-ARM", "Lambda-GB-Second",
     [("0", "7500000000", "0.0000133334"), ("7500000000", "18750000000", "0.0000120001"), ("18750000000", "Inf", "0.0000106667")]),
    ("CVY5JH8RFRXMP92N", "Lambda-Storage-GB-Second", "AWS-Lambda-Storage-Duration", "GB-Seconds", [("0", "Inf", "0.0000000309")]),
    ("BMKCD2ZCEYKTYYCB", "Lambda-Provisioned-Concurrency", "AWS-Lambda-Provisioned-Concurrency", "Lambda-GB-Second", [("0", "Inf", "0.0000041667")]),
    ("MV7PTBS82AVCMXJJ", "Lambda-Provisioned-Concurrency-ARM", "AWS-Lambda-Provisioned-Concurrency-ARM", "Lambda-GB-Second", [("0", "Inf", "0.0000033334")]),
    ("ZZF88MXYPS4DGSEZ", "Lambda-Provisioned-GB-Second", "AWS-Lambda-Duration-Provisioned", "Lambda-GB-Second", [("0", "Inf", "0.0000097222")]),
    ("3Z4YRQ6XJRDK27UP", "Lambda-Provisioned-GB-Second-ARM", "AWS-Lambda-Duration-Provisioned-ARM", "Lambda-GB-Second", [("0", "Inf", "0.0000077778")]),
    # Rows to pass over: Lambda@Edge and the free tier (location Any, Global- prefix).
    ("EDGE00000000000A", "Lambda-Edge-Request", "AWS-Lambda-Edge-Requests", "Request", [("0", "Inf", "0.0000006000")]),
    ("ZQVCC2M69R4S79XS", "Global-Request", "AWS-Lambda-Requests", "Requests", [("0", "1000000", "0.0000000000")]),
]
RATE_SUFFIX = ["6YS6EN2CT7", "CUKFZ388N3", "8Y7HC2LBBN"]

REGION = {"us-east-1": ("US East (N. Virginia)", ""), "eu-west-1": ("EU (Ireland)", "EU-")}
region = "us-east-1"

def attributes(usage, group):
    anywhere = usage.startswith("Global-")
    location, prefix = REGION[region]
    usage = usage if anywhere else prefix + usage
    return {"servicecode": "AWSLambda", "location": "Any" if anywhere else location,
            "locationType": "AWS Region", "group": group, "usagetype": usage,
            "regionCode": "" if anywhere else region, "servicename": "AWS Lambda"}

def dims(sku, ranges, unit):
    out = {}
    for i, (b, e, usd) in enumerate(ranges):
        code = f"{sku}.JRTCKXETXF.{RATE_SUFFIX[i]}"
        out[code] = {"rateCode": code, "description": f"AWS Lambda - {unit}", "beginRange": b, "endRange": e,
                     "unit": unit, "pricePerUnit": {"USD": usd}, "appliesTo": []}
    return out

def main():
    a = argparse.ArgumentParser()
    a.add_argument("layout", choices=["json", "csv", "lines"])
    a.add_argument("--lambda-x86-tier1")
    a.add_argument("--size-mb", type=int, default=0)
    a.add_argument("--version", default="20261101000000")
    a.add_argument("--region", default="us-east-1", choices=sorted(REGION))
    args = a.parse_args()
    global region
    region = args.region
    products = [list(p) for p in P]
    if args.lambda_x86_tier1:
        r = products[2][4]
        products[2][4] = [(r[0][0], r[0][1], args.lambda_x86_tier1)] + r[1:]
    v = args.version
    published = f"{v[0:4]}-{v[4:6]}-{v[6:8]}T{v[8:10]}:{v[10:12]}:{v[12:14]}Z"
    w = sys.stdout.write
    if args.layout == "json":
        w('{\n  "formatVersion" : "v1.0",\n  "disclaimer" : "This pricing list is for informational purposes only.",\n')
        w(f'  "offerCode" : "AWSLambda",\n  "version" : "{v}",\n  "publicationDate" : "{published}",\n  "products" : {{\n')
        first = True
        for sku, usage, group, unit, _ in products:
            w(("" if first else ",\n") + f'    "{sku}" : ' + json.dumps({"sku": sku, "productFamily": "Serverless", "attributes": attributes(usage, group)}, indent=2).replace("\n", "\n    "))
            first = False
        filler = 0
        target = args.size_mb * 1024 * 1024
        written = 0
        while written < target:  # unrelated products, as in a large offer (EC2's is several GB)
            sku = f"PAD{filler:013d}"
            text = ",\n    \"" + sku + "\" : " + json.dumps({"sku": sku, "productFamily": "Compute Instance", "attributes": {
                "servicecode": "AWSLambda", "location": "US East (N. Virginia)", "usagetype": f"BoxUsage:pad{filler % 977}.large",
                "operation": "RunInstances", "instanceType": f"pad{filler}.large", "regionCode": "us-east-1",
                "description": "padding product " * 8}}, indent=2).replace("\n", "\n    ")
            w(text); written += len(text); filler += 1
        w('\n  },\n  "terms" : {\n    "OnDemand" : {\n')
        first = True
        for sku, usage, group, unit, ranges in products:
            term = {f"{sku}.JRTCKXETXF": {"offerTermCode": "JRTCKXETXF", "sku": sku, "effectiveDate": "2026-11-01T00:00:00Z",
                                           "priceDimensions": dims(sku, ranges, unit), "termAttributes": {}}}
            w(("" if first else ",\n") + f'      "{sku}" : ' + json.dumps(term, indent=2).replace("\n", "\n      "))
            first = False
        for i in range(filler):
            sku = f"PAD{i:013d}"
            term = {f"{sku}.JRTCKXETXF": {"offerTermCode": "JRTCKXETXF", "sku": sku, "effectiveDate": "2026-11-01T00:00:00Z",
                                           "priceDimensions": dims(sku, [("0", "Inf", "0.0416000000")], "Hrs"), "termAttributes": {}}}
            w(",\n      \"" + sku + "\" : " + json.dumps(term, indent=2).replace("\n", "\n      "))
        w('\n    }\n  },\n  "attributesList" : { }\n}\n')
    elif args.layout == "csv":
        w('"FormatVersion","v1.0"\n"Disclaimer","This pricing list is for informational purposes only."\n')
        w(f'"Publication Date","{published}"\n"Version","{v}"\n"OfferCode","AWSLambda"\n')
        cols = ["SKU", "OfferTermCode", "RateCode", "TermType", "PriceDescription", "EffectiveDate", "StartingRange", "EndingRange",
                "Unit", "PricePerUnit", "Currency", "RelatedTo", "Product Family", "serviceCode", "Location", "Location Type", "Group",
                "Group Description", "usageType", "operation", "Region Code", "serviceName"]
        w(",".join(f'"{c}"' for c in cols) + "\n")
        filler, written, target = 0, 0, args.size_mb * 1024 * 1024
        while written < target:  # unrelated rows, as in a large offer
            row = f'"PAD{filler:013d}","JRTCKXETXF","PAD{filler:013d}.JRTCKXETXF.6YS6EN2CT7","OnDemand","$0.0416 per On Demand Linux pad{filler}.large Instance Hour, padding row padding row padding row","2026-11-01","0","Inf","Hrs","0.0416000000","USD","","Compute Instance","AWSLambda","US East (N. Virginia)","AWS Region","","","BoxUsage:pad{filler % 977}.large","RunInstances","us-east-1","AWS Lambda"\n'
            w(row); written += len(row); filler += 1
        for sku, usage, group, unit, ranges in products:
            at = attributes(usage, group)
            for i, (b, e, usd) in enumerate(ranges):
                row = [sku, "JRTCKXETXF", f"{sku}.JRTCKXETXF.{RATE_SUFFIX[i]}", "OnDemand", f'AWS Lambda - {unit}, "quoted"', "2026-11-01", b, e,
                       unit, usd, "USD", "", "Serverless", "AWSLambda", at["location"], "AWS Region", group, "Invocation, or duration", usage, "", at["regionCode"], "AWS Lambda"]
                w(",".join('"' + str(x).replace('"', '""') + '"' for x in row) + "\n")
    else:
        for sku, usage, group, unit, ranges in products:
            doc = {"product": {"productFamily": "Serverless", "attributes": attributes(usage, group), "sku": sku}, "serviceCode": "AWSLambda",
                   "terms": {"OnDemand": {f"{sku}.JRTCKXETXF": {"priceDimensions": dims(sku, ranges, unit), "sku": sku,
                   "effectiveDate": "2026-11-01T00:00:00Z", "offerTermCode": "JRTCKXETXF", "termAttributes": {}}}},
                   "version": v, "publicationDate": published}
            w(json.dumps(doc, separators=(",", ":")) + "\n")

main()
