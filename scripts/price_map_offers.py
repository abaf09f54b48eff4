"""What the price-map converters share: AWS's price maps as get-products lines.

scripts/ec2-offer-from-price-map.py and scripts/rds-offer-from-price-map.py turn AWS's
pricing-page price maps (as saved by github.com/iann0036/aws-price-watcher) into the
get-products JSON lines `billcast pricing import` reads, one file per region. This module
holds the regions, the number grammars, the on-demand product line, the writer, the
rewrite of a model's list between `# BEGIN name` and `# END name`, and the common options.

Standard library only.
"""

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

PRICE_PATTERN = re.compile(r"^[0-9]+(\.[0-9]+)?$")
PUBLISHED_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def add_common_arguments(parser, model_help):
    """--published, --read-from, --source-url, --out and --model."""
    parser.add_argument("--published", required=True, help="when the map was published, YYYY-MM-DDThh:mm:ssZ")
    parser.add_argument("--read-from", required=True, help="where the map was read, for the sources' notes")
    parser.add_argument(
        "--source-url",
        required=True,
        help="the address of the file that was read (a repository file at a commit), the sources' url: "
        "billcast's PL grade needs the file actually read",
    )
    parser.add_argument("--out", required=True, help="directory for the get-products lines, one file per region")
    parser.add_argument("--model", help=model_help)


def check_published(published):
    if not PUBLISHED_PATTERN.match(published):
        sys.exit("error: --published must be YYYY-MM-DDThh:mm:ssZ")


def on_demand_line(service_code, family, attributes, region, price, description, version, published, source):
    """One get-products line: a product of `region` with one on-demand price per hour."""
    location, _ = REGIONS[region]
    return {
        "serviceCode": service_code,
        "version": version,
        "publicationDate": published,
        "billcastSource": source,
        "product": {
            "productFamily": family,
            "sku": "",
            "attributes": {"servicecode": service_code, "location": location, "regionCode": region, **attributes},
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
                            "description": description,
                            "pricePerUnit": {"USD": price},
                        }
                    },
                }
            }
        },
    }


def version_of(published):
    """The offer version the lines carry: pricemap-YYYYMMDDhhmmss."""
    return "pricemap-" + re.sub(r"[^0-9]", "", published)


def write_region_file(out, name, region, lines, what):
    """Writes one region's lines to OUT/NAME-REGION.jsonl and says how many."""
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, f"{name}-{region}.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, separators=(",", ":")) + "\n")
    print(f"{path}: {len(lines)} {what}")
    return len(lines)


def rewrite_list(model, marker, items, what):
    """Replaces the YAML list between `# BEGIN marker` and `# END marker` in `model` with `items`."""
    with open(model, encoding="utf-8") as f:
        lines = f.read().split("\n")
    begin = next((i for i, l in enumerate(lines) if l.strip().startswith(f"# BEGIN {marker}")), None)
    end = next((i for i, l in enumerate(lines) if l.strip().startswith(f"# END {marker}")), None)
    if begin is None or end is None or end < begin:
        sys.exit(f"error: {model} has no '# BEGIN {marker}' ... '# END {marker}' block")
    indent = lines[begin][: len(lines[begin]) - len(lines[begin].lstrip())]
    lines[begin + 1 : end] = [f"{indent}- {item}" for item in items]
    with open(model, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print(f"{model}: {len(items)} {what}")
