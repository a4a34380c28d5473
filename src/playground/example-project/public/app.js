// Runs in the preview page: fetch('/api/hello') goes to the same Node server.
const answer = document.getElementById('answer');

async function ask() {
  const response = await fetch('/api/hello');
  const { message, pid, visits } = await response.json();
  answer.textContent = `${message} (pid ${pid}, visit ${visits})`;
}

document.getElementById('again').addEventListener('click', () => void ask());
void ask();
