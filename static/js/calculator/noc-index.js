// The NOC 2021 unit groups the site ships (data/noc-index.json), fetched once, when first
// needed: by the occupation helper, and by the categories panel to name an occupation.
import { getJson } from "../lib/fetch.js";

// The edition's copy (French titles under fr/data/): <html data-root> is the edition's home.
const DATA = new URL("data/", new URL(document.documentElement.dataset.root ?? "../../../", import.meta.url));
const loaded = {};

/** The parsed data file `name` of data/ (one request per page, whoever asks). */
export function dataFile(name) {
  loaded[name] ??= getJson(new URL(name, DATA));
  return loaded[name];
}

/** {code: title} of every unit group. */
export async function nocTitles() {
  const index = await dataFile("noc-index.json");
  return Object.fromEntries(index.groups.map(([code, title]) => [code, title]));
}
