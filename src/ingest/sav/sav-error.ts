import { DataError } from '../../errors.js';

/** A .sav file that cannot be read as it stands (exit 1). The message names the file. */
export class SavError extends DataError {
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'SavError';
  }
}
