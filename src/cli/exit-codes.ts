/** CLI exit codes (contract.md): 0 success whatever the outcome, 2 bad input, 1 internal error. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;
