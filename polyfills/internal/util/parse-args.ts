// util.parseArgs: command-line parsing with options (string/boolean, short, multiple, default),
// strict mode, positionals, `--` terminator, short groups, allowNegative (`--no-x`) and tokens.
// Everything is supported; without `args` it reads process.argv/execArgv of the running process.

import { codes } from '../errors.ts';
import {
  validateArray,
  validateBoolean,
  validateObject,
  validateString,
  validateStringArray,
} from '../validators.ts';
import { currentProcess } from './current-process.ts';

type OptionType = 'string' | 'boolean';
interface OptionConfig {
  type: OptionType;
  short?: string;
  multiple?: boolean;
  default?: string | boolean | string[] | boolean[];
}
type Options = Record<string, OptionConfig>;

export type Token =
  | {
      kind: 'option';
      name: string;
      rawName: string;
      index: number;
      value: string | undefined;
      inlineValue: boolean | undefined;
    }
  | { kind: 'positional'; index: number; value: string }
  | { kind: 'option-terminator'; index: number };

type OptionToken = Extract<Token, { kind: 'option' }>;
type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

const hasOwn = (obj: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(obj, key);

/** Reads only own properties, so that Object.prototype pollution cannot configure the parser. */
function getOwn(obj: unknown, prop: string): unknown {
  if (obj !== null && typeof obj === 'object' && hasOwn(obj, prop)) {
    return (obj as Record<string, unknown>)[prop];
  }
  return undefined;
}

function optionGetOwn(options: Options, longOption: string, prop: keyof OptionConfig): unknown {
  return hasOwn(options, longOption) ? getOwn(options[longOption], prop) : undefined;
}

function mainArgs(): string[] {
  const proc = currentProcess() as { argv?: string[]; execArgv?: string[] } | undefined;
  const argv = proc?.argv ?? [];
  const execArgv = proc?.execArgv ?? [];
  // With -e/-p there is no script name to skip.
  if (['-e', '--eval', '-p', '--print'].some((flag) => execArgv.includes(flag))) return argv.slice(1);
  return argv.slice(2);
}

const isOptionValue = (value: string | undefined): value is string => value != null;
const isOptionLikeValue = (value: string | undefined): boolean =>
  value != null && value.length > 1 && value.charAt(0) === '-';
const isLoneShortOption = (arg: string): boolean =>
  arg.length === 2 && arg.charAt(0) === '-' && arg.charAt(1) !== '-';
const isLoneLongOption = (arg: string): boolean =>
  arg.length > 2 && arg.startsWith('--') && !arg.includes('=', 3);
const isLongOptionAndValue = (arg: string): boolean =>
  arg.length > 2 && arg.startsWith('--') && arg.includes('=', 3);

function findLongOptionForShort(shortOption: string, options: Options): string {
  const entry = Object.entries(options).find(([, config]) => getOwn(config, 'short') === shortOption);
  return entry?.[0] ?? shortOption;
}

/** `-abc` where `-a` is not a string option: a group of short flags. */
function isShortOptionGroup(arg: string, options: Options): boolean {
  if (arg.length <= 2 || arg.charAt(0) !== '-' || arg.charAt(1) === '-') return false;
  const longOption = findLongOptionForShort(arg.charAt(1), options);
  return optionGetOwn(options, longOption, 'type') !== 'string';
}

/** `-fvalue` where `-f` is a string option. */
function isShortOptionAndValue(arg: string, options: Options): boolean {
  if (arg.length <= 2 || arg.charAt(0) !== '-' || arg.charAt(1) === '-') return false;
  const longOption = findLongOptionForShort(arg.charAt(1), options);
  return optionGetOwn(options, longOption, 'type') === 'string';
}

function argsToTokens(args: string[], options: Options): Token[] {
  const tokens: Token[] = [];
  let index = -1;
  let groupCount = 0;
  const remaining = args.slice();
  while (remaining.length > 0) {
    const arg = remaining.shift() as string;
    const nextArg = remaining[0];
    // Arguments expanded from a short group share the group's index.
    if (groupCount > 0) groupCount--;
    else index++;

    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const rest of remaining) tokens.push({ kind: 'positional', index: ++index, value: rest });
      break;
    }
    if (isLoneShortOption(arg)) {
      const longOption = findLongOptionForShort(arg.charAt(1), options);
      let value: string | undefined;
      let inlineValue: boolean | undefined;
      if (optionGetOwn(options, longOption, 'type') === 'string' && isOptionValue(nextArg)) {
        value = remaining.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name: longOption, rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }
    if (isShortOptionGroup(arg, options)) {
      const expanded: string[] = [];
      for (let i = 1; i < arg.length; i++) {
        const shortOption = arg.charAt(i);
        const longOption = findLongOptionForShort(shortOption, options);
        if (optionGetOwn(options, longOption, 'type') !== 'string' || i === arg.length - 1) {
          expanded.push(`-${shortOption}`);
        } else {
          // A string option inside a group takes the rest of the group as its value.
          expanded.push(`-${arg.slice(i)}`);
          break;
        }
      }
      remaining.unshift(...expanded);
      groupCount = expanded.length;
      continue;
    }
    if (isShortOptionAndValue(arg, options)) {
      const shortOption = arg.charAt(1);
      const longOption = findLongOptionForShort(shortOption, options);
      tokens.push({
        kind: 'option',
        name: longOption,
        rawName: `-${shortOption}`,
        index,
        value: arg.slice(2),
        inlineValue: true,
      });
      continue;
    }
    if (isLoneLongOption(arg)) {
      const longOption = arg.slice(2);
      let value: string | undefined;
      let inlineValue: boolean | undefined;
      if (optionGetOwn(options, longOption, 'type') === 'string' && isOptionValue(nextArg)) {
        value = remaining.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name: longOption, rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }
    if (isLongOptionAndValue(arg)) {
      const equalIndex = arg.indexOf('=');
      const longOption = arg.slice(2, equalIndex);
      tokens.push({
        kind: 'option',
        name: longOption,
        rawName: `--${longOption}`,
        index,
        value: arg.slice(equalIndex + 1),
        inlineValue: true,
      });
      continue;
    }
    tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}

interface ParseConfig {
  options: Options;
  allowPositionals: boolean;
  allowNegative: boolean;
}

function checkOptionLikeValue(token: OptionToken): void {
  if (!token.inlineValue && isOptionLikeValue(token.value)) {
    const example = token.rawName.startsWith('--')
      ? `'${token.rawName}=-XYZ'`
      : `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
    const message = `Option '${token.rawName}' argument is ambiguous.
Did you forget to specify the option argument for '${token.rawName}'?
To specify an option argument starting with a dash use ${example}.`;
    throw new codes.ERR_PARSE_ARGS_INVALID_OPTION_VALUE(message);
  }
}

function checkOptionUsage(config: ParseConfig, token: OptionToken): void {
  let name = token.name;
  if (!hasOwn(config.options, name)) {
    if (config.allowNegative && name.startsWith('no-')) {
      name = name.slice(3);
      if (!hasOwn(config.options, name) || optionGetOwn(config.options, name, 'type') !== 'boolean') {
        throw new codes.ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, config.allowPositionals);
      }
    } else {
      throw new codes.ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, config.allowPositionals);
    }
  }
  const short = optionGetOwn(config.options, name, 'short') as string | undefined;
  const shortAndLong = `${short ? `-${short}, ` : ''}--${name}`;
  const type = optionGetOwn(config.options, name, 'type');
  if (type === 'string' && typeof token.value !== 'string') {
    throw new codes.ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value != null) {
    throw new codes.ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong}' does not take an argument`);
  }
}

function storeOption(token: OptionToken, options: Options, values: Values, allowNegative: boolean): void {
  let longOption = token.name;
  let optionValue: string | boolean | undefined = token.value;
  if (longOption === '__proto__') return;
  if (allowNegative && longOption.startsWith('no-') && optionValue === undefined) {
    longOption = longOption.slice(3);
    token.name = longOption;
    optionValue = false;
  }
  const newValue = optionValue ?? true;
  if (optionGetOwn(options, longOption, 'multiple')) {
    const list = values[longOption];
    if (Array.isArray(list)) list.push(newValue);
    else values[longOption] = [newValue];
  } else {
    values[longOption] = newValue;
  }
}

function validateUnion(value: unknown, name: string, union: readonly string[]): void {
  if (!union.includes(value as string)) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, `('${union.join('|')}')`, value);
  }
}

function validateBooleanArray(value: unknown, name: string): void {
  validateArray(value, name);
  value.forEach((item, i) => validateBoolean(item, `${name}[${i}]`));
}

export interface ParseArgsResult {
  values: Values;
  positionals: string[];
  tokens?: Token[];
}

export function parseArgs(config: unknown = {}): ParseArgsResult {
  const args = (getOwn(config, 'args') ?? mainArgs()) as string[];
  const strict = (getOwn(config, 'strict') ?? true) as boolean;
  const allowPositionals = (getOwn(config, 'allowPositionals') ?? !strict) as boolean;
  const returnTokens = (getOwn(config, 'tokens') ?? false) as boolean;
  const allowNegative = (getOwn(config, 'allowNegative') ?? false) as boolean;
  const options = (getOwn(config, 'options') ?? Object.create(null)) as Options;
  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateObject(options, 'options');
  for (const [longOption, optionConfig] of Object.entries(options)) {
    validateObject(optionConfig, `options.${longOption}`);
    const optionType = getOwn(optionConfig, 'type');
    validateUnion(optionType, `options.${longOption}.type`, ['string', 'boolean']);
    if (hasOwn(optionConfig, 'short')) {
      const shortOption = optionConfig.short;
      validateString(shortOption, `options.${longOption}.short`);
      if (shortOption.length !== 1) {
        throw new codes.ERR_INVALID_ARG_VALUE(
          `options.${longOption}.short`,
          shortOption,
          'must be a single character',
        );
      }
    }
    const multiple = getOwn(optionConfig, 'multiple');
    if (hasOwn(optionConfig, 'multiple')) validateBoolean(multiple, `options.${longOption}.multiple`);
    const defaultValue = getOwn(optionConfig, 'default');
    if (defaultValue !== undefined) {
      const name = `options.${longOption}.default`;
      if (optionType === 'string') {
        if (multiple) validateStringArray(defaultValue, name);
        else validateString(defaultValue, name);
      } else if (multiple) {
        validateBooleanArray(defaultValue, name);
      } else {
        validateBoolean(defaultValue, name);
      }
    }
  }

  const tokens = argsToTokens(args, options);
  const result: ParseArgsResult = {
    values: Object.create(null) as Values,
    positionals: [],
  };
  if (returnTokens) result.tokens = tokens;
  const parseConfig: ParseConfig = { options, allowPositionals, allowNegative };
  for (const token of tokens) {
    if (token.kind === 'option') {
      if (strict) {
        checkOptionUsage(parseConfig, token);
        checkOptionLikeValue(token);
      }
      storeOption(token, options, result.values, allowNegative);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) throw new codes.ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
      result.positionals.push(token.value);
    }
  }
  for (const [longOption, optionConfig] of Object.entries(options)) {
    const defaultValue = getOwn(optionConfig, 'default');
    if (defaultValue !== undefined && result.values[longOption] === undefined && longOption !== '__proto__') {
      result.values[longOption] = defaultValue as Values[string];
    }
  }
  return result;
}
