// The Node.js version tabnode reports (process.version, the fatal-error footer).

export const NODE_VERSION = '22.20.0';
