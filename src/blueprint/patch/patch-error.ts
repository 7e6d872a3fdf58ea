// The one error a patch raises: PATCH_INVALID. Helpers throw it with a bare reason; patchBlueprint re-throws it
// naming the operation (index and op) so an assistant can fix that one operation.
import { RemakeError } from '../../shared/errors.ts';

/** The code of every patch failure. */
export const PATCH_INVALID = 'PATCH_INVALID';

/** A failure with its reason (a sentence fragment starting in lower case), not yet tied to an operation. */
export function patchFailure(reason: string, moduleId?: number): RemakeError {
  return new RemakeError(PATCH_INVALID, reason, moduleId === undefined ? {} : { moduleId });
}
