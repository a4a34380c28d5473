// Metrics whose capability has not landed in tabnode yet: they say so instead of a number.

export const notYet = [
  { id: 'require-express', label: "require('express') cold", notYet: 'express: needs the in-tab installer (issue later)' },
  { id: 'npm', label: 'npm install', notYet: 'not yet: needs the in-tab installer' },
];
