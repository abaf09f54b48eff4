#!/usr/bin/env python3
"""Converts AWS's EC2 on-demand price map into offers `billcast pricing import` reads.

The EC2 pricing page (https://aws.amazon.com/ec2/pricing/on-demand/) draws its Linux on-demand
prices from a price map AWS publishes at
https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ec2/USD/current/ec2.json. The map has
no SKUs and no usage types: its keys are `OnDemand Linux-instancetype-TYPE`, each a mapping of
location names (`US East (N. Virginia)`) to USD per hour. github.com/iann0036/aws-price-watcher
saves it reshaped by instance type, prices as published (`processed/ec2.json`), with each
change's commit date.

This script writes, for each region, one `aws pricing get-products`-style JSON line per
current-generation instance type (the families AWS's Instance Types guide lists as current
generation, CURRENT_FAMILIES below): product family Compute Instance, usage type
`[PREFIX-]BoxUsage:TYPE` (the form the Price List uses for Linux shared-tenancy on-demand hours),
operation RunInstances, capacitystatus Used, preInstalledSw NA, and the map's price per Hrs. The
SKU is left empty (the map has none, so none is written into the rates files), and each line
carries `billcastSource`, the address of the file that was read (`--source-url`, a repository
file at a commit, as billcast's PL grade requires) and a note, which `pricing import` records as
the rates' source.

With --model it also rewrites the instance types the EC2 model lists (the block between the
`# BEGIN ec2-instance-types` and `# END ec2-instance-types` lines of compute.yaml) to the types
priced in at least one of the regions.

Refresh (see docs/adding-a-service.md, "Refreshing EC2's instance types"):

    git -C aws-price-watcher show HEAD:processed/ec2.json > /tmp/ec2.json
    python3 scripts/ec2-offer-from-price-map.py /tmp/ec2.json --published 2025-05-20T00:41:52Z \\
        --read-from 'the copy github.com/iann0036/aws-price-watcher saved at commit 03d12ad (processed/ec2.json)' \\
        --source-url https://github.com/iann0036/aws-price-watcher/blob/03d12ad79d205df6b1df2487a4a9ebe49848090e/processed/ec2.json \\
        --out /tmp/ec2-offers --model pricing/aws/model/compute.yaml
    swift run billcast pricing import /tmp/ec2-offers/*.jsonl --pricing pricing

Standard library only; shares scripts/price_map_offers.py with the RDS converter.
"""

import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import price_map_offers as shared  # noqa: E402  (the sibling module, found through the path above)

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
        for region, (location, _) in shared.REGIONS.items():
            price = by_location.get(location)
            if price is None:
                continue
            if not shared.PRICE_PATTERN.match(price):
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
    _, prefix = shared.REGIONS[region]
    attributes = {
        "instanceType": instance_type,
        "usagetype": f"{prefix}BoxUsage:{instance_type}",
        "operation": "RunInstances",
        "operatingSystem": "Linux",
        "tenancy": "Shared",
        "capacitystatus": "Used",
        "preInstalledSw": "NA",
    }
    description = f"${price} per On Demand Linux {instance_type} Instance Hour"
    return shared.on_demand_line(
        "AmazonEC2", "Compute Instance", attributes, region, price, description, version, published, source
    )


def write_offers(types, out, published, read_from, source_url):
    version = shared.version_of(published)
    counts = {}
    for region in shared.REGIONS:
        source = {
            "url": source_url,
            "note": (
                f"AWS's EC2 on-demand price map (the data of aws.amazon.com/ec2/pricing/on-demand/), "
                f"Linux shared tenancy, '{shared.REGIONS[region][0]}', as published {published}, read in {read_from}; "
                f"converted by scripts/ec2-offer-from-price-map.py (usage type "
                f"{shared.REGIONS[region][1]}BoxUsage:TYPE, no SKU in the map)."
            ),
        }
        lines = []
        for instance_type in sorted(types, key=lambda t: size_order(t, types[t])):
            price = types[instance_type].get(region)
            if price is not None:
                lines.append(product_line(instance_type, region, price, version, published, source))
        counts[region] = shared.write_region_file(out, "ec2-price-map", region, lines, "instance types")
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("price_map", help="the EC2 price map (processed/ec2.json of aws-price-watcher)")
    shared.add_common_arguments(parser, "compute.yaml, to rewrite its list of instance types")
    args = parser.parse_args()
    shared.check_published(args.published)
    with open(args.price_map, encoding="utf-8") as f:
        price_map = json.load(f)
    types = current_types(price_map)
    if not types:
        sys.exit(f"error: {args.price_map} has no current-generation Linux on-demand prices")
    write_offers(types, args.out, args.published, args.read_from, args.source_url)
    if args.model:
        ordered = sorted(types, key=lambda t: size_order(t, types[t]))
        shared.rewrite_list(args.model, "ec2-instance-types", ordered, "instance types")


if __name__ == "__main__":
    main()
