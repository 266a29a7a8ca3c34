/**
 * The rrule package ships ESM for bundlers but a UMD `main` for Node, whose named exports Node cannot see;
 * this picks whichever shape the running loader produced.
 */
import * as rruleNamespace from 'rrule';

type RRuleLib = typeof rruleNamespace;

/** RRule and RRuleSet, however the package was loaded. */
export const rruleLib: RRuleLib =
  'RRule' in rruleNamespace && rruleNamespace.RRule
    ? rruleNamespace
    : (rruleNamespace as unknown as { default: RRuleLib }).default;
