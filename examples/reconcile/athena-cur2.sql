-- CUR 2.0 (AWS Data Exports, Parquet, queried in Athena or Trino) aggregated to one row per
-- month x account x region x service x usage type x SKU x CloudFormation logical ID x charge category
-- (x pricing category, commitment, unit price, unit) and reshaped into the FOCUS columns
-- `billcast reconcile` reads. The query result (Athena writes it to the workgroup's output location
-- as a CSV with a header) is read like any FOCUS file: docs/reconcile-at-scale.md.
--
-- Table: `cur2` as AWS's Data Exports stack (CID) or a Glue crawler creates it, partitioned by
-- billing_period ('2026-09'). Change the table name and the partitions; keep the filter on the
-- partition column so Athena reads only those months.
WITH bill AS (
  SELECT
    *,
    line_item_line_item_type AS t,
    element_at(resource_tags, 'aws_cloudformation_logical_id') AS logical_id
  FROM cur2
  WHERE billing_period IN ('2026-09', '2026-10')
    -- A negation only cancels its covered usage's on-demand cost, which BilledCost below leaves out.
    AND line_item_line_item_type <> 'SavingsPlanNegation'
),
shaped AS (
  SELECT
    bill_billing_period_start_date AS period_start,
    bill_billing_period_end_date AS period_end,
    CASE
      WHEN t IN ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage') THEN 'Usage'
      WHEN t IN ('SavingsPlanRecurringFee', 'SavingsPlanUpfrontFee', 'RIFee', 'Fee') THEN 'Purchase'
      WHEN t = 'Tax' THEN 'Tax'
      ELSE 'Credit'
    END AS charge_category,
    CASE WHEN t = 'Refund' THEN 'Correction' END AS charge_class,
    line_item_line_item_description AS description,
    CASE WHEN t IN ('SavingsPlanCoveredUsage', 'DiscountedUsage') THEN 0
      ELSE CAST(line_item_unblended_cost AS DECIMAL(38, 10)) END AS billed,
    CAST(CASE
      WHEN t = 'SavingsPlanCoveredUsage' THEN savings_plan_savings_plan_effective_cost
      WHEN t = 'SavingsPlanRecurringFee' THEN savings_plan_total_commitment_to_date - savings_plan_used_commitment
      WHEN t = 'SavingsPlanUpfrontFee' THEN 0
      WHEN t = 'DiscountedUsage' THEN reservation_effective_cost
      WHEN t = 'RIFee' THEN reservation_unused_amortized_upfront_fee_for_billing_period + reservation_unused_recurring_fee
      WHEN t = 'Fee' AND coalesce(reservation_reservation_a_r_n, '') <> '' THEN 0
      ELSE line_item_unblended_cost END AS DECIMAL(38, 10)) AS effective,
    CAST(CASE WHEN t IN ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage') THEN pricing_public_on_demand_cost
      ELSE line_item_unblended_cost END AS DECIMAL(38, 10)) AS list,
    CAST(nullif(pricing_public_on_demand_rate, '') AS DECIMAL(38, 12)) AS list_unit_price,
    CASE WHEN t IN ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage')
      THEN CAST(line_item_usage_amount AS DECIMAL(38, 10)) END AS quantity,
    nullif(pricing_unit, '') AS unit,
    CASE
      WHEN t IN ('SavingsPlanCoveredUsage', 'DiscountedUsage') THEN 'Committed'
      WHEN t IN ('Usage', 'SavingsPlanRecurringFee', 'SavingsPlanUpfrontFee', 'RIFee', 'Fee') THEN 'Standard'
      WHEN t = 'Tax' THEN NULL
      ELSE 'Other'
    END AS pricing_category,
    nullif(coalesce(nullif(savings_plan_savings_plan_a_r_n, ''), reservation_reservation_a_r_n), '') AS commitment_id,
    CASE WHEN coalesce(savings_plan_savings_plan_a_r_n, '') <> '' THEN 'Savings Plan'
      WHEN coalesce(reservation_reservation_a_r_n, '') <> '' THEN 'Reserved Instance' END AS commitment_type,
    CASE WHEN t IN ('SavingsPlanCoveredUsage', 'DiscountedUsage') THEN 'Used' END AS commitment_status,
    line_item_currency_code AS currency,
    bill_payer_account_id AS payer,
    line_item_usage_account_id AS account,
    element_at(product, 'product_name') AS service_name,
    nullif(product_region_code, '') AS region,
    nullif(product_sku, '') AS sku,
    logical_id,
    line_item_usage_type AS usage_type,
    nullif(line_item_operation, '') AS operation,
    line_item_product_code AS service_code
  FROM bill
)
SELECT
  date_format(period_start, '%Y-%m-%dT%H:%i:%sZ') AS BillingPeriodStart,
  date_format(period_start, '%Y-%m-%dT%H:%i:%sZ') AS ChargePeriodStart,
  date_format(max(period_end), '%Y-%m-%dT%H:%i:%sZ') AS ChargePeriodEnd,
  charge_category AS ChargeCategory,
  charge_class AS ChargeClass,
  min(description) AS ChargeDescription,
  sum(billed) AS BilledCost,
  sum(effective) AS EffectiveCost,
  sum(list) AS ListCost,
  list_unit_price AS ListUnitPrice,
  sum(quantity) AS ConsumedQuantity,
  unit AS ConsumedUnit,
  sum(quantity) AS PricingQuantity,
  unit AS PricingUnit,
  pricing_category AS PricingCategory,
  commitment_id AS CommitmentDiscountId,
  commitment_type AS CommitmentDiscountType,
  commitment_status AS CommitmentDiscountStatus,
  currency AS BillingCurrency,
  payer AS BillingAccountId,
  account AS SubAccountId,
  'AWS' AS ProviderName,
  service_name AS ServiceName,
  region AS RegionId,
  CAST(NULL AS VARCHAR) AS ResourceId,
  sku AS SkuId,
  CAST(NULL AS VARCHAR) AS SkuPriceId,
  CASE WHEN logical_id IS NOT NULL
    THEN json_format(CAST(MAP(ARRAY['aws:cloudformation:logical-id'], ARRAY[logical_id]) AS JSON)) END AS Tags,
  usage_type AS x_UsageType,
  operation AS x_Operation,
  service_code AS x_ServiceCode
FROM shaped
GROUP BY period_start, charge_category, charge_class, list_unit_price, unit, pricing_category, commitment_id,
  commitment_type, commitment_status, currency, payer, account, service_name, region, sku, logical_id, usage_type,
  operation, service_code
ORDER BY 1, SubAccountId, RegionId, ServiceName, x_UsageType, SkuId, Tags, ChargeCategory, PricingCategory,
  CommitmentDiscountStatus, ListUnitPrice
