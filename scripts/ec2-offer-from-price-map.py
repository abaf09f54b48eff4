#!/usr/bin/env python3
"""Converts AWS's EC2 on-demand price map into offers `billcast pricing import` reads.

The EC2 pricing page (https://aws.amazon.com/ec2/pricing/on-demand/) draws its Linux on-demand
prices from a price map AWS publishes at
https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ec2/USD/current/ec2.json. The map has
no SKUs and no usage types: its keys are `OnDemand Linux-instancetype-TYPE`, each a mapping of
location names (`US East (N. Virginia)`) to USD per hour. github.com/iann0036/aws-price-watcher
saves it unchanged (`processed/ec2.json`) with each change's commit date.

This script writes, for each region, one `aws pricing get-products`-style JSON line per
current-generation instance type (the families AWS's Instance Types guide lists as current
generation, CURRENT_FAMILIES below): product family Compute Instance, usage type
`[PREFIX-]BoxUsage:TYPE` (the form the Price List uses for Linux shared-tenancy on-demand hours),
operation RunInstances, capacitystatus Used, preInstalledSw NA, and the map's price per Hrs. The
SKU is left empty (the map has none, so none is written into the rates files), and each line
carries `billcastSource`, the map's address and what was read, which `pricing import` records as
the rates' source.

With --model it also rewrites the instance types the EC2 model lists (the block between the
`# BEGIN ec2-instance-types` and `# END ec2-instance-types` lines of compute.yaml) to the types
priced in at least one of the regions.

Refresh (see docs/adding-a-service.md, "Refreshing EC2's instance types"):

    git -C aws-price-watcher show HEAD:processed/ec2.json > /tmp/ec2.json
    python3 scripts/ec2-offer-from-price-map.py /tmp/ec2.json --published 2025-05-20T00:41:52Z \\
        --read-from 'github.com/iann0036/aws-price-watcher commit 03d12ad' \\
        --out /tmp/ec2-offers --model pricing/aws/model/compute.yaml
    swift run billcast pricing import /tmp/ec2-offers/*.jsonl --pricing pricing

Standard library only.
"""

import argparse
import json
import os
import re
import sys

# The four regions billcast prices, their Price List location names and usage-type prefixes.
REGIONS = {
    "us-east-1": ("US East (N. Virginia)", ""),
    "us-west-2": ("US West (Oregon)", "USW2-"),
    "eu-west-1": ("EU (Ireland)", "EU-"),
    "eu-central-1": ("EU (Frankfurt)", "EUC1-"),
}

# Current generation instance families, as AWS's Amazon EC2 Instance Types guide lists them
# (https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-types.html#current-gen-instances,
# read 2026-12-06). Previous generation (A1, M1-M4, T1, C1, C3, C4, R3, R4, I2, G3, P3, P3dn) and
# retired families (CC2, CR1, F1, G2, G3s, HS1, I3p, P2) are left out. Mac instances run on
# dedicated hosts and are not in the map.
CURRENT_FAMILIES = """
m5 m5a m5ad m5d m5dn m5n m5zn m6a m6g m6gd m6i m6id m6idn m6in m7a m7g m7gd m7i m7i-flex m8a m8azn
m8g m8gb m8gd m8gn m8i m8id m8i-flex m8in m8idn m8ine m8ib m8idb m9g m9gd t2 t3 t3a t4g
c5 c5a c5ad c5d c5n c6a c6g c6gd c6gn c6i c6id c6in c7a c7g c7gd c7gn c7i c7i-flex c8a c8g c8gb c8gd
c8gn c8i c8id c8i-flex c8in c8ine c8ib
r5 r5a r5ad r5b r5d r5dn r5n r6a r6g r6gd r6i r6id r6idn r6in r7a r7g r7gd r7i r7iz r8a r8g r8gb r8gd
r8gn r8i r8id r8i-flex r8in r8idn r8ib r8idb u-3tb1 u-6tb1 u-9tb1 u-12tb1 u-18tb1 u-24tb1 u7i-6tb
u7i-8tb u7i-12tb u7in-16tb u7in-24tb u7in-32tb u7inh-32tb x1 x1e x2gd x2idn x2iedn x2iezn x8g x8aedz
x8i z1d
d2 d3 d3en h1 i3 i3en i4g i4i i7i i7ie i8g i8ge im4gn is4gen
dl1 dl2q f2 g4ad g4dn g5 g5g g6 g6e g6f gr6 gr6f g7e inf1 inf2 p4d p4de p5 p5e p5en p6-b200 p6-b300
p6e-gb200 trn1 trn1n trn2 trn2u vt1
hpc6a hpc6id hpc7a hpc7g hpc8a
""".split()

KEY_PREFIX = "OnDemand Linux-instancetype-"
TYPE_PATTERN = re.compile(r"^[a-z0-9-]+\.[a-z0-9-]+$")
PRICE_PATTERN = re.compile(r"^[0-9]+(\.[0-9]+)?$")
PUBLISHED_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
MAP_URL = "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ec2/USD/current/ec2.json"


def current_types(price_map):
    """{type: {region: price}} of the current-generation types priced in the four regions."""
    families = set(CURRENT_FAMILIES)
    types = {}
    for key, by_location in price_map.items():
        if not key.startswith(KEY_PREFIX):
            continue
        instance_type = key[len(KEY_PREFIX):]
        if not TYPE_PATTERN.match(instance_type) or instance_type.split(".")[0] not in families:
            continue
        prices = {}
        for region, (location, _) in REGIONS.items():
            price = by_location.get(location)
            if price is None:
                continue
            if not PRICE_PATTERN.match(price):
                sys.exit(f"error: {key} in {location}: '{price}' is not a price")
            prices[region] = price
        if prices:
            types[instance_type] = prices
    return types


def size_order(instance_type, prices):
    """Family, then price (smallest first), then name: a family's sizes in their natural order."""
    family = instance_type.split(".")[0]
    price = min(float(p) for p in prices.values())
    return (family, price, instance_type)


def product_line(instance_type, region, price, version, published, source):
    location, prefix = REGIONS[region]
    return {
        "serviceCode": "AmazonEC2",
        "version": version,
        "publicationDate": published,
        "billcastSource": source,
        "product": {
            "productFamily": "Compute Instance",
            "sku": "",
            "attributes": {
                "servicecode": "AmazonEC2",
                "location": location,
                "regionCode": region,
                "instanceType": instance_type,
                "usagetype": f"{prefix}BoxUsage:{instance_type}",
                "operation": "RunInstances",
                "operatingSystem": "Linux",
                "tenancy": "Shared",
                "capacitystatus": "Used",
                "preInstalledSw": "NA",
            },
        },
        "terms": {
            "OnDemand": {
                "map": {
                    "effectiveDate": published,
                    "priceDimensions": {
                        "map": {
                            "beginRange": "0",
                            "endRange": "Inf",
                            "unit": "Hrs",
                            "description": f"${price} per On Demand Linux {instance_type} Instance Hour",
                            "pricePerUnit": {"USD": price},
                        }
                    },
                }
            }
        },
    }


def write_offers(types, out, published, read_from):
    version = "pricemap-" + re.sub(r"[^0-9]", "", published)
    os.makedirs(out, exist_ok=True)
    counts = {}
    for region in REGIONS:
        source = {
            "url": MAP_URL,
            "note": (
                f"AWS's EC2 on-demand price map (the data of aws.amazon.com/ec2/pricing/on-demand/), "
                f"Linux shared tenancy, '{REGIONS[region][0]}', as published {published} and saved unchanged by "
                f"{read_from}; converted by scripts/ec2-offer-from-price-map.py (usage type "
                f"{REGIONS[region][1]}BoxUsage:TYPE, no SKU in the map)."
            ),
        }
        path = os.path.join(out, f"ec2-price-map-{region}.jsonl")
        n = 0
        with open(path, "w", encoding="utf-8") as f:
            for instance_type in sorted(types, key=lambda t: size_order(t, types[t])):
                price = types[instance_type].get(region)
                if price is None:
                    continue
                line = product_line(instance_type, region, price, version, published, source)
                f.write(json.dumps(line, separators=(",", ":")) + "\n")
                n += 1
        counts[region] = n
        print(f"{path}: {n} instance types")
    return counts


def rewrite_model(types, model):
    with open(model, encoding="utf-8") as f:
        lines = f.read().split("\n")
    begin = next((i for i, l in enumerate(lines) if l.strip().startswith("# BEGIN ec2-instance-types")), None)
    end = next((i for i, l in enumerate(lines) if l.strip().startswith("# END ec2-instance-types")), None)
    if begin is None or end is None or end < begin:
        sys.exit(f"error: {model} has no '# BEGIN ec2-instance-types' ... '# END ec2-instance-types' block")
    indent = lines[begin][: len(lines[begin]) - len(lines[begin].lstrip())]
    ordered = sorted(types, key=lambda t: size_order(t, types[t]))
    lines[begin + 1 : end] = [f"{indent}- {t}" for t in ordered]
    with open(model, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print(f"{model}: {len(ordered)} instance types")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("price_map", help="the EC2 price map (processed/ec2.json of aws-price-watcher)")
    parser.add_argument("--published", required=True, help="when the map was published, YYYY-MM-DDThh:mm:ssZ")
    parser.add_argument("--read-from", required=True, help="where the map was read, for the sources' notes")
    parser.add_argument("--out", required=True, help="directory for the get-products lines, one file per region")
    parser.add_argument("--model", help="compute.yaml, to rewrite its list of instance types")
    args = parser.parse_args()
    if not PUBLISHED_PATTERN.match(args.published):
        sys.exit("error: --published must be YYYY-MM-DDThh:mm:ssZ")
    with open(args.price_map, encoding="utf-8") as f:
        price_map = json.load(f)
    types = current_types(price_map)
    if not types:
        sys.exit(f"error: {args.price_map} has no current-generation Linux on-demand prices")
    write_offers(types, args.out, args.published, args.read_from)
    if args.model:
        rewrite_model(types, args.model)


if __name__ == "__main__":
    main()
