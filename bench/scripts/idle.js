// An idle process for the memory metric: one interval keeps it alive; it says when it is running.
'use strict';
setInterval(() => {}, 1000);
console.log('ready');
