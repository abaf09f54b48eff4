#!/usr/bin/env python3
"""Converts AWS's RDS on-demand instance price maps into offers `billcast pricing import` reads.

The RDS pricing page (https://aws.amazon.com/rds/pricing/) draws its on-demand instance prices
from one price map per engine that AWS publishes at
https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/rds/USD/current/rds-ENGINE-ondemand.json
(ENGINE = mysql, postgresql, mariadb). github.com/iann0036/aws-price-watcher saves each map
(`raw/rds-ENGINE-ondemand.json`) and its `processed/rds-ENGINE-ondemand.json`, which keeps the
map's own price names and each price as published, keyed by location name. A DB instance price
is named `Database Instance ENGINE No license required db FAMILY.SIZE CATEGORY DEPLOYMENT
GENERATION` (e.g. `Database Instance MySQL No license required db t3.micro General purpose
Multi-AZ Current Generation`), and its location carries the map's own attributes
(`US East (N. Virginia) (Instance Type: db.t3.micro, Memory: 1 GiB, ...)`), whose Instance Type
must agree with the name. DEPLOYMENT is `Single-AZ`, `Multi-AZ` (a primary and one standby
instance) or `Multi-AZ readable standbys` (a Multi-AZ DB cluster, not priced by billcast and
left out).

This script writes, for each region, one `aws pricing get-products`-style JSON line per engine,
deployment and instance class of the families billcast prices (FAMILIES below): product family
Database Instance, usage type `[PREFIX-]InstanceUsage:CLASS` (Single-AZ) or
`[PREFIX-]Multi-AZUsage:CLASS` (Multi-AZ), the forms the Price List uses, attributes
databaseEngine, deploymentOption and instanceType, and the map's price per Hrs. The SKU is left
empty (the processed map has none, so none is written into the rates files), and each line
carries `billcastSource`, the map's address and what was read, which `pricing import` records
as the rates' source.

With --model it also rewrites the DB instance classes the RDS model lists (the block between
the `# BEGIN rds-instance-classes` and `# END rds-instance-classes` lines of
pricing/aws/services/rds/model.yaml) to the classes of FAMILIES priced in at least one region.

Refresh (see docs/adding-a-service.md, "Refreshing RDS instance rates"):

    for e in mysql postgresql mariadb; do
      git -C aws-price-watcher show COMMIT:processed/rds-$e-ondemand.json > /tmp/rds-$e.json
    done
    python3 scripts/rds-offer-from-price-map.py /tmp/rds-*.json --published 2025-05-23T18:02:35Z \\
        --read-from 'the copies github.com/iann0036/aws-price-watcher saved at commit COMMIT' \\
        --source-url https://github.com/iann0036/aws-price-watcher/blob/COMMIT/processed/rds-mysql-ondemand.json \\
        --out /tmp/rds-offers --model pricing/aws/services/rds/model.yaml
    swift run billcast pricing import /tmp/rds-offers/*.jsonl --pricing pricing

`--published` is the maps' publication time: the `hawkFilePublicationDate` of the manifest of
the raw maps of the same commit (all RDS maps share one `esIndex`, plc-rds-usd-...).

Standard library only; shares scripts/price_map_offers.py with the EC2 converter.
"""

import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import price_map_offers as shared  # noqa: E402  (the sibling module, found through the path above)

# The engines billcast prices: the map's name, the model's key.
ENGINES = {"MySQL": "mysql", "PostgreSQL": "postgresql", "MariaDB": "mariadb"}

# The instance families billcast prices (issue 23), in the model's order.
FAMILIES = ["t3", "t4g", "m5", "m6g", "m7g", "r5", "r6g", "r7g"]

# Deployments: the map's name, the Price List's usage-type prefix and deploymentOption.
DEPLOYMENTS = {
    "Single-AZ": ("InstanceUsage", "Single-AZ"),
    "Multi-AZ": ("Multi-AZUsage", "Multi-AZ"),
}

NAME = re.compile(
    r"^Database Instance (?P<engine>MySQL|PostgreSQL|MariaDB) No license required "
    r"db (?P<family>[a-z0-9-]+)\.(?P<size>[a-z0-9]+) .+ "
    r"(?P<deployment>Single-AZ|Multi-AZ|Multi-AZ readable standbys) (Current|Previous) Generation$"
)
INSTANCE_TYPE = re.compile(r"\(Instance Type: (db\.[a-z0-9-]+\.[a-z0-9]+)[,)]")
MAP_URL = "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/rds/USD/current/rds-{}-ondemand.json"


def location_price(by_location, location, instance_class, name):
    """The price of `location` in a processed price, whose location names carry attributes."""
    found = None
    for key, price in by_location.items():
        if key != location and not key.startswith(location + " ("):
            continue
        named = INSTANCE_TYPE.search(key)
        if named is None or named.group(1) != instance_class:
            sys.exit(f"error: '{name}' in '{key}': the location's Instance Type is not {instance_class}")
        if not shared.PRICE_PATTERN.match(price):
            sys.exit(f"error: '{name}' in '{key}': '{price}' is not a price")
        if found is not None and found != price:
            sys.exit(f"error: '{name}' has two prices in {location}: {found} and {price}")
        found = price
    return found


def instance_prices(price_map, path):
    """{(engine, deployment, class): {region: price}} for the families billcast prices."""
    prices = {}
    for name, by_location in price_map.items():
        match = NAME.match(name)
        if match is None or match["family"] not in FAMILIES or match["deployment"] not in DEPLOYMENTS:
            continue
        instance_class = f"db.{match['family']}.{match['size']}"
        key = (ENGINES[match["engine"]], match["deployment"], instance_class)
        if key in prices:
            sys.exit(f"error: {path}: {key} is priced twice")
        by_region = {}
        for region, (location, _) in shared.REGIONS.items():
            price = location_price(by_location, location, instance_class, name)
            if price is not None:
                by_region[region] = price
        if by_region:
            prices[key] = by_region
    return prices


def size_order(instance_class, prices):
    """Family (in FAMILIES' order), then price (smallest first), then name."""
    family = instance_class.split(".")[1]
    price = min(float(p) for by_region in prices for p in by_region.values())
    return (FAMILIES.index(family), price, instance_class)


def product_line(key, region, price, version, published, source):
    engine, deployment, instance_class = key
    _, prefix = shared.REGIONS[region]
    usage, option = DEPLOYMENTS[deployment]
    engine_name = next(name for name, model_key in ENGINES.items() if model_key == engine)
    attributes = {
        "instanceType": instance_class,
        "usagetype": f"{prefix}{usage}:{instance_class}",
        "databaseEngine": engine_name,
        "deploymentOption": option,
        "licenseModel": "No license required",
    }
    description = f"${price} per RDS {engine_name} {option} {instance_class} instance hour"
    return shared.on_demand_line(
        "AmazonRDS", "Database Instance", attributes, region, price, description, version, published, source
    )


def write_offers(prices, classes, out, published, read_from, source_url):
    version = shared.version_of(published)
    engines = sorted({key[0] for key in prices}, key=list(ENGINES.values()).index)
    for region in shared.REGIONS:
        location = shared.REGIONS[region][0]
        maps = ", ".join(MAP_URL.format(engine) for engine in engines)
        source = {
            "url": source_url,
            "note": (
                f"AWS's RDS on-demand instance price maps (the data of aws.amazon.com/rds/pricing/: {maps}), "
                f"'{location}', as published {published}, read in {read_from} "
                f"(processed/rds-ENGINE-ondemand.json: the map's price names and prices as published); "
                f"converted by scripts/rds-offer-from-price-map.py (usage types "
                f"{shared.REGIONS[region][1]}InstanceUsage:CLASS and {shared.REGIONS[region][1]}Multi-AZUsage:CLASS, "
                f"no SKU in the processed map)."
            ),
        }
        lines = []
        for engine in engines:
            for deployment in DEPLOYMENTS:
                for instance_class in classes:
                    key = (engine, deployment, instance_class)
                    price = prices.get(key, {}).get(region)
                    if price is not None:
                        lines.append(product_line(key, region, price, version, published, source))
        shared.write_region_file(out, "rds-price-map", region, lines, "prices")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("price_maps", nargs="+", help="processed/rds-ENGINE-ondemand.json of aws-price-watcher")
    shared.add_common_arguments(parser, "the RDS model.yaml, to rewrite its list of instance classes")
    args = parser.parse_args()
    shared.check_published(args.published)
    prices = {}
    for path in args.price_maps:
        with open(path, encoding="utf-8") as f:
            found = instance_prices(json.load(f), path)
        if not found:
            sys.exit(f"error: {path} has no RDS MySQL, PostgreSQL or MariaDB instance prices")
        for key in found:
            if key in prices:
                sys.exit(f"error: {path}: {key} is also priced by another map")
        prices.update(found)
    by_class = {}
    for (_, _, instance_class), by_region in prices.items():
        by_class.setdefault(instance_class, []).append(by_region)
    classes = sorted(by_class, key=lambda c: size_order(c, by_class[c]))
    write_offers(prices, classes, args.out, args.published, args.read_from, args.source_url)
    if args.model:
        shared.rewrite_list(args.model, "rds-instance-classes", classes, "instance classes")


if __name__ == "__main__":
    main()
