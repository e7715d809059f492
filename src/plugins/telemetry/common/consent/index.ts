export {
  TELEMETRY_LEVELS,
  decideConsent,
  levelAllows,
  mayLeave,
  reportLevelFor,
  type CollectorCategory,
  type ConsentConfig,
  type ConsentDecision,
  type ConsentEnvironment,
  type ConsentInputs,
  type ConsentReason,
  type OptInLevel,
  type TelemetryLevel,
} from './decide_consent';
export { isUpgradeSince } from './version';
