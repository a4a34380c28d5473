// `node --env-file=.env`: Node's dotenv format (KEY=value lines, `export` prefixes, # comments,
// '...', "..." with \n escapes and line breaks, `...`), as Node 22 parses it.
// https://nodejs.org/api/environment_variables.html#env-files

export function parseEnvFile(content: string): Record<string, string> {
  const result: Record<string, string> = {};
  const text = content.replace(/\r\n?/g, '\n');
  let i = 0;
  while (i < text.length) {
    // Skip blank space and comment lines.
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    if (i >= text.length) break;
    const lineEnd = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    if (text[i] === '#') {
      i = lineEnd + 1;
      continue;
    }
    const equals = text.indexOf('=', i);
    if (equals === -1 || equals > lineEnd) {
      i = lineEnd + 1;
      continue;
    }
    let key = text.slice(i, equals).trim();
    if (key.startsWith('export ')) key = key.slice(7).trim();
    let j = equals + 1;
    while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
    const quote = text[j];
    let value: string;
    let next: number;
    const close = quote === '"' || quote === "'" || quote === '`' ? text.indexOf(quote, j + 1) : -1;
    if (close !== -1) {
      value = text.slice(j + 1, close);
      if (quote === '"') value = value.replace(/\\n/g, '\n');
      const end = text.indexOf('\n', close);
      next = end === -1 ? text.length : end + 1;
    } else {
      const end = text.indexOf('\n', j) === -1 ? text.length : text.indexOf('\n', j);
      value = text.slice(j, end);
      const hash = value.indexOf('#');
      if (hash !== -1) value = value.slice(0, hash);
      value = value.trim();
      next = end + 1;
    }
    if (key !== '') result[key] = value;
    i = next;
  }
  return result;
}
