-- A FOCUS export (AWS Data Exports, FOCUS 1.2 with AWS columns, Parquet) aggregated to one row per
-- month x account x region x service x usage type x SKU x CloudFormation logical ID x charge category
-- (x pricing category, commitment, unit price, unit), written as a FOCUS-shaped CSV that
-- `billcast reconcile` reads like any FOCUS file. docs/reconcile-at-scale.md explains it.
--
--   duckdb -c ".read examples/reconcile/duckdb-focus.sql"
--
-- Change the two paths and the month filter. For a FOCUS 1.0 export, the usage type is x_UsageType:
-- replace `SkuMeter` by `x_UsageType` below. If your DuckDB returns a list for Tags['key'],
-- use element_at(Tags, 'key')[1].
COPY (
  WITH bill AS (
    SELECT *, Tags['aws:cloudformation:logical-id'] AS logical_id, SkuMeter AS usage_type
    FROM read_parquet('focus/data/BILLING_PERIOD=*/*.parquet', hive_partitioning = false)
    WHERE BillingPeriodStart >= TIMESTAMP '2026-09-01' AND BillingPeriodStart < TIMESTAMP '2026-11-01'
  )
  SELECT
    strftime(BillingPeriodStart, '%Y-%m-%dT%H:%M:%SZ') AS BillingPeriodStart,
    strftime(BillingPeriodStart, '%Y-%m-%dT%H:%M:%SZ') AS ChargePeriodStart,
    strftime(max(BillingPeriodEnd), '%Y-%m-%dT%H:%M:%SZ') AS ChargePeriodEnd,
    ChargeCategory,
    ChargeClass,
    min(ChargeDescription) AS ChargeDescription,
    sum(CAST(BilledCost AS DECIMAL(38, 10))) AS BilledCost,
    sum(CAST(EffectiveCost AS DECIMAL(38, 10))) AS EffectiveCost,
    sum(CAST(ListCost AS DECIMAL(38, 10))) AS ListCost,
    CAST(ListUnitPrice AS DECIMAL(38, 12)) AS ListUnitPrice,
    sum(CAST(ConsumedQuantity AS DECIMAL(38, 10))) AS ConsumedQuantity,
    ConsumedUnit,
    sum(CAST(PricingQuantity AS DECIMAL(38, 10))) AS PricingQuantity,
    PricingUnit,
    PricingCategory,
    CommitmentDiscountId,
    CommitmentDiscountType,
    CommitmentDiscountStatus,
    BillingCurrency,
    BillingAccountId,
    SubAccountId,
    ProviderName,
    ServiceName,
    RegionId,
    NULL AS ResourceId,
    SkuId,
    NULL AS SkuPriceId,
    CASE WHEN logical_id IS NOT NULL THEN json_object('aws:cloudformation:logical-id', logical_id) END AS Tags,
    usage_type AS x_UsageType,
    x_Operation,
    x_ServiceCode
  FROM bill
  GROUP BY ALL
  ORDER BY BillingPeriodStart, SubAccountId, RegionId, ServiceName, x_UsageType, SkuId, Tags, ChargeCategory,
    PricingCategory, CommitmentDiscountStatus, ListUnitPrice
) TO 'bill-aggregated.csv' (HEADER, DELIMITER ',');
