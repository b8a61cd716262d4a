// jsep's operator tables and hooks are global state: they are configured here, once, and nowhere else.
import jsep from 'jsep';

/**
 * Start offsets of the tokens jsep is parsing. Parsing is synchronous and the hooks call no user
 * code, so one module-level stack is safe; parse.ts resets it before every parse.
 */
export const tokenStarts: number[] = [];

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const PERIOD = 46;

jsep.removeAllUnaryOps();
jsep.addUnaryOp('-');

// Excel's precedence: comparison < & < + - < * / < ^ (all left-associative, as in Excel).
jsep.removeAllBinaryOps();
for (const op of ['=', '<>', '!=', '<', '<=', '>', '>=']) jsep.addBinaryOp(op, 1);
jsep.addBinaryOp('&', 2);
jsep.addBinaryOp('+', 3);
jsep.addBinaryOp('-', 3);
jsep.addBinaryOp('*', 4);
jsep.addBinaryOp('/', 4);
jsep.addBinaryOp('^', 5);

// TRUE/FALSE are recognised case-insensitively by parse.ts; `null` is not part of the language.
jsep.removeAllLiterals();

jsep.hooks.add('gobble-token', function recordTokenStart(env) {
  tokenStarts.push(this.index);
  // jsep's own number path skips the after-token hook; taking numbers here keeps the stack balanced.
  const code = this.code;
  if ((code >= DIGIT_0 && code <= DIGIT_9) || code === PERIOD) {
    env.node = this.gobbleNumericLiteral();
  }
});

jsep.hooks.add('after-token', (env) => {
  const start = tokenStarts.pop();
  const node = env.node;
  if (node && node.start === undefined && start !== undefined) node.start = start;
});

export { jsep };
