// A local module, loaded with require('./lib/greet').
exports.greet = (name) => `Hello, ${name}! This is Node.js running in your browser tab.`;
