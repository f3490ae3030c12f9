// How figures and statuses read on the page, shared by the campaign list and the status view.

export const STATUS_TEXT = { DRAFT: 'Draft', LIVE: 'Live', PAUSED: 'Paused', COMPLETED: 'Completed', ERROR: 'Launch failed' };

export const PLATFORM_NAMES = { GOOGLE_ADS: 'Google Ads', META_ADS: 'Meta' };

/** Rates as percentages, money in the budget's currency with two decimals, counts with thousands separators,
 * ROAS as a multiple. */
export function formatTotal(total, currency) {
  const value = Number(total.value);
  if (total.key === 'roas') return `${value.toFixed(2)} ×`;
  if (total.unit === 'ratio') return `${(value * 100).toFixed(2)} %`;
  if (total.unit === 'percent') return `${value.toFixed(2)} %`;
  if (total.unit === 'count') return value.toLocaleString('en-US');
  if (total.unit === 'currency' && currency) {
    return value.toLocaleString('en-US', { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  return total.value;
}

/** An amount of money in `currency`. */
export function money(amount, currency) {
  return formatTotal({ key: 'spend', unit: 'currency', value: String(amount) }, currency);
}
