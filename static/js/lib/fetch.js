// Data files of this site (same origin, precached for offline use).

/** The JSON at `url`; a failed request rejects with an error naming the file and the status. */
export async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}
