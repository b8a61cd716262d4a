/**
 * Where JSON text stops being valid, as an offset. V8 names the position for most syntax errors
 * ("… in JSON at position 8") but not for a bad literal ("Unexpected token 'x', …"), so this small
 * iterative scanner finds it then. It runs only after JSON.parse failed.
 */
export function jsonErrorOffset(text: string, v8Message: string): number {
  const m = /at position (\d+)/.exec(v8Message);
  if (m) return Number(m[1]);
  if (/Unexpected end of JSON input/.test(v8Message)) return text.length;
  return scan(text);
}

/** Line and column (1-based) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}

const WS = /[ \t\n\r]*/y;
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings may not hold raw control characters
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

function scan(text: string): number {
  let i = 0;
  const skip = () => {
    WS.lastIndex = i;
    WS.exec(text);
    i = WS.lastIndex;
  };
  const token = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  // expecting: 'value' | 'key' | 'after-value'; the stack holds the open containers
  const stack: ('{' | '[')[] = [];
  let expect: 'value' | 'key-or-close' | 'value-or-close' | 'key' | 'after' = 'value';
  while (true) {
    skip();
    if (i >= text.length) return i;
    const c = text[i];
    if (expect === 'value' || expect === 'value-or-close') {
      if (expect === 'value-or-close' && c === ']') {
        stack.pop();
        i++;
        expect = 'after';
      } else if (c === '{') {
        stack.push('{');
        i++;
        expect = 'key-or-close';
      } else if (c === '[') {
        stack.push('[');
        i++;
        expect = 'value-or-close';
      } else if (token(STRING) || token(NUMBER) || token(LITERAL)) {
        expect = 'after';
      } else return i;
    } else if (expect === 'key' || expect === 'key-or-close') {
      if (expect === 'key-or-close' && c === '}') {
        stack.pop();
        i++;
        expect = 'after';
        continue;
      }
      if (!token(STRING)) return i;
      skip();
      if (text[i] !== ':') return i;
      i++;
      expect = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i;
      if (c === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}
