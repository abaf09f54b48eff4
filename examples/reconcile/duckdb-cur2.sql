-- A CUR 2.0 export (Parquet) aggregated and reshaped into the FOCUS columns `billcast reconcile` reads;
-- the same query as athena-cur2.sql in DuckDB's dialect (docs/reconcile-at-scale.md).
--
--   duckdb -c ".read examples/reconcile/duckdb-cur2.sql"
COPY (
  WITH bill AS (
    SELECT *,
      resource_tags['aws_cloudformation_logical_id'] AS logical_id,
      line_item_line_item_type AS t
    FROM read_parquet('cur2/data/BILLING_PERIOD=*/*.parquet', hive_partitioning = false)
    WHERE bill_billing_period_start_date >= TIMESTAMP '2026-09-01'
      AND bill_billing_period_start_date < TIMESTAMP '2026-11-01'
      -- A negation only cancels its covered usage's on-demand cost, which BilledCost below leaves out.
      AND line_item_line_item_type <> 'SavingsPlanNegation'
  )
  SELECT
    strftime(bill_billing_period_start_date, '%Y-%m-%dT%H:%M:%SZ') AS BillingPeriodStart,
    strftime(bill_billing_period_start_date, '%Y-%m-%dT%H:%M:%SZ') AS ChargePeriodStart,
    strftime(max(bill_billing_period_end_date), '%Y-%m-%dT%H:%M:%SZ') AS ChargePeriodEnd,
    CASE
      WHEN t IN ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage') THEN 'Usage'
      WHEN t IN ('SavingsPlanRecurringFee', 'SavingsPlanUpfrontFee', 'RIFee', 'Fee') THEN 'Purchase'
      WHEN t = 'Tax' THEN 'Tax'
      ELSE 'Credit'
    END AS ChargeCategory,
    CASE WHEN t = 'Refund' THEN 'Correction' END AS ChargeClass,
    min(line_item_line_item_description) AS ChargeDescription,
    sum(CASE WHEN t IN ('SavingsPlanCoveredUsage', 'DiscountedUsage') THEN 0
        ELSE CAST(line_item_unblended_cost AS DECIMAL(38, 10)) END) AS BilledCost,
    sum(CAST(CASE
      WHEN t = 'SavingsPlanCoveredUsage' THEN savings_plan_savings_plan_effective_cost
      WHEN t = 'SavingsPlanRecurringFee' THEN savings_plan_total_commitment_to_date - savings_plan_used_commitment
      WHEN t = 'SavingsPlanUpfrontFee' THEN 0
      WHEN t = 'DiscountedUsage' THEN reservation_effective_cost
      WHEN t = 'RIFee' THEN reservation_unused_amortized_upfront_fee_for_billing_period + reservation_unused_recurring_fee
      WHEN t = 'Fee' AND coalesce(reservation_reservation_a_r_n, '') <> '' THEN 0
      ELSE line_item_unblended_cost END AS DECIMAL(38, 10))) AS EffectiveCost,
    sum(CAST(CASE WHEN t IN ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage') THEN pricing_public_on_demand_cost
        ELSE line_item_unblended_cost END AS DECIMAL(38, 10))) AS ListCost,
    CAST(nullif(pricing_public_on_demand_rate, '') AS DECIMAL(38, 12)) AS ListUnitPrice,
    sum(CASE WHEN t IN ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage')
        THEN CAST(line_item_usage_amount AS DECIMAL(38, 10)) END) AS ConsumedQuantity,
    nullif(pricing_unit, '') AS ConsumedUnit,
    sum(CASE WHEN t IN ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage')
        THEN CAST(line_item_usage_amount AS DECIMAL(38, 10)) END) AS PricingQuantity,
    nullif(pricing_unit, '') AS PricingUnit,
    CASE
      WHEN t IN ('SavingsPlanCoveredUsage', 'DiscountedUsage') THEN 'Committed'
      WHEN t IN ('Usage', 'SavingsPlanRecurringFee', 'SavingsPlanUpfrontFee', 'RIFee', 'Fee') THEN 'Standard'
      WHEN t = 'Tax' THEN NULL
      ELSE 'Other'
    END AS PricingCategory,
    nullif(coalesce(nullif(savings_plan_savings_plan_a_r_n, ''), reservation_reservation_a_r_n), '') AS CommitmentDiscountId,
    CASE WHEN coalesce(savings_plan_savings_plan_a_r_n, '') <> '' THEN 'Savings Plan'
         WHEN coalesce(reservation_reservation_a_r_n, '') <> '' THEN 'Reserved Instance' END AS CommitmentDiscountType,
    CASE WHEN t IN ('SavingsPlanCoveredUsage', 'DiscountedUsage') THEN 'Used' END AS CommitmentDiscountStatus,
    line_item_currency_code AS BillingCurrency,
    bill_payer_account_id AS BillingAccountId,
    line_item_usage_account_id AS SubAccountId,
    'AWS' AS ProviderName,
    product['product_name'] AS ServiceName,
    nullif(product_region_code, '') AS RegionId,
    NULL AS ResourceId,
    nullif(product_sku, '') AS SkuId,
    NULL AS SkuPriceId,
    CASE WHEN logical_id IS NOT NULL THEN json_object('aws:cloudformation:logical-id', logical_id) END AS Tags,
    line_item_usage_type AS x_UsageType,
    nullif(line_item_operation, '') AS x_Operation,
    line_item_product_code AS x_ServiceCode
  FROM bill
  GROUP BY ALL
  ORDER BY BillingPeriodStart, SubAccountId, RegionId, ServiceName, x_UsageType, SkuId, Tags, ChargeCategory,
    PricingCategory, CommitmentDiscountStatus, ListUnitPrice
) TO 'bill-aggregated.csv' (HEADER, DELIMITER ',');
