// The default project: real files under example-project/, imported as text.

import type { FileSystemTree } from '../shared/kernel-api.ts';
import indexJs from './example-project/index.js?raw';
import configJson from './example-project/config.json?raw';
import packageJson from './example-project/package.json?raw';
import greetJs from './example-project/lib/greet.js?raw';
import indexHtml from './example-project/public/index.html?raw';
import styleCss from './example-project/public/style.css?raw';
import appJs from './example-project/public/app.js?raw';

/** In display order; the first one is shown first. */
export const EXAMPLE_FILES: ReadonlyArray<readonly [path: string, contents: string]> = [
  ['index.js', indexJs],
  ['lib/greet.js', greetJs],
  ['public/index.html', indexHtml],
  ['public/style.css', styleCss],
  ['public/app.js', appJs],
  ['config.json', configJson],
  ['package.json', packageJson],
];

export function exampleTree(): FileSystemTree {
  const root: FileSystemTree = {};
  for (const [path, contents] of EXAMPLE_FILES) {
    const segments = path.split('/');
    const name = segments.pop()!;
    let dir = root;
    for (const segment of segments) {
      const node = (dir[segment] ??= { directory: {} });
      if (!('directory' in node)) throw new Error(`${segment} is a file`);
      dir = node.directory;
    }
    dir[name] = { file: { contents } };
  }
  return root;
}
