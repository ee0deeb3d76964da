/**
 * CLV models, DOM-free: RFM calibration summary, BG/NBD purchase model, Gamma-Gamma spend model and
 * discounted CLV. Conventions and reference numbers: clv-models.md.
 *
 * Units throughout: x counts repeat purchase *days*; t_x, T, horizons and BG/NBD's α are in the
 * time unit of the RFM summary (`timeUnit`, weeks by default, = days/7); spend is in the currency of
 * the transaction amounts; discount rates are per discounting period (per month for the
 * lifetimes-compatible helper).
 */
export {
  rfmSummary,
  utcDay,
  type CustomerKey,
  type RfmOptions,
  type RfmSummary,
  type Timestamp,
  type TimeUnit,
  type Transaction,
  type TransactionColumns,
} from './rfm.js';
export { groupRfm, validateRfm, type GroupedRfm, type RfmColumns } from './group.js';
export {
  bgnbdExpectedPurchases,
  bgnbdExpectedPurchasesNew,
  bgnbdLogLikelihood,
  bgnbdLogLikelihoodOne,
  bgnbdLogLikelihoods,
  bgnbdProbabilityAlive,
  bgnbdProbabilityOfPurchases,
  fitBgNbd,
  type BgNbdFit,
  type BgNbdFitOptions,
  type BgNbdParams,
  type BgNbdStartResult,
} from './bgnbd.js';
export {
  fitGammaGamma,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
  gammaGammaLogLikelihoodOne,
  gammaGammaPopulationMean,
  type GammaGammaFit,
  type GammaGammaFitOptions,
  type GammaGammaParams,
  type SpendColumns,
} from './gamma-gamma.js';
export {
  checkClvOptions,
  customerLifetimeValue,
  customerLifetimeValues,
  lifetimesCustomerLifetimeValue,
  LIFETIMES_UNITS_PER_MONTH,
  type ClvCustomer,
  type ClvOptions,
  type LifetimesClvOptions,
  type LifetimesFreq,
} from './clv.js';
export { predictCustomers, type CustomerPredictions, type PredictionInput, type PredictOptions } from './predict.js';
export { spendFitData, type SpendFitData } from './spend-fit-data.js';
export { clvDeciles, CLV_DECILES } from './clv-decile.js';
export {
  computeCustomerClv,
  CUSTOMER_CLV_COLUMNS,
  type CustomerClvColumns,
  type CustomerClvOptions,
  type CustomerClvPhase,
  type CustomerClvProgress,
  type CustomerClvResult,
  type CustomerClvSettings,
  type CustomerClvTransactions,
} from './customer-clv.js';
export {
  CUSTOMER_CLV_TABLE,
  customerClvLoadColumns,
  customerClvModelParts,
  registerCustomerClvTable,
  type CustomerClvTableInfo,
} from './customer-clv-table.js';
export { nelderMead, type NelderMeadOptions, type NelderMeadProgress, type NelderMeadResult } from './optimize.js';
export {
  hyp2f1,
  hypergeometricPFQ,
  lnBeta,
  lnGamma,
  lnHyp2f1,
  log1pExp,
  logAddExp,
  logSumExp,
} from './special.js';
