/**
 * How many reports are inside the intake (decrypting, checking) and not yet handed to the store. The
 * OpenSearch store's group commit reads it to wait for them (`expected`), so reports decrypting in
 * parallel share one `_bulk` instead of trickling out one request each.
 */
export interface IntakeGauge {
  readonly inProgress: number;
  enter(): void;
  leave(): void;
}

export function createIntakeGauge(): IntakeGauge {
  let inProgress = 0;
  return {
    get inProgress() {
      return inProgress;
    },
    enter() {
      inProgress++;
    },
    leave() {
      inProgress = Math.max(0, inProgress - 1);
    },
  };
}
