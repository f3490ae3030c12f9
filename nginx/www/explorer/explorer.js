// The GraphQL explorer: the schema browsable from introspection, and a query editor that runs documents with the
// API key (kept in session storage, as the Creative Studio keeps it). Plain ES module: no build step, no CDN.

const KEY_STORAGE = 'campaignd.apiKey';
const SCHEMA_QUERY = `{ __schema { queryType { name } mutationType { name } types { kind name description
  fields(includeDeprecated: true) { name description isDeprecated deprecationReason type { ...Ref }
    args(includeDeprecated: true) { name description type { ...Ref } defaultValue isDeprecated deprecationReason } }
  inputFields(includeDeprecated: true) { name description type { ...Ref } defaultValue isDeprecated deprecationReason }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  interfaces { name } possibleTypes { name } } } }
fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;

const $ = (id) => document.getElementById(id);
let types = new Map();

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function status(message, isError = false) {
  $('status').textContent = message;
  $('status').classList.toggle('error', isError);
}

async function post(body) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json',
      Authorization: `Bearer ${sessionStorage.getItem(KEY_STORAGE) ?? ''}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

function typeName(ref) {
  if (ref.kind === 'NON_NULL') return `${typeName(ref.ofType)}!`;
  if (ref.kind === 'LIST') return `[${typeName(ref.ofType)}]`;
  return ref.name;
}

function namedType(ref) { return ref.ofType ? namedType(ref.ofType) : ref.name; }

/** A type reference that opens its type when clicked. */
function typeLink(ref) {
  const name = namedType(ref);
  return el('button', { type: 'button', class: 'link', onclick: () => showType(name) }, typeName(ref));
}

function deprecation(item) {
  return item.isDeprecated ? el('span', { class: 'deprecated' }, `deprecated${item.deprecationReason ? `: ${item.deprecationReason}` : ''}`) : null;
}

function showType(name) {
  const type = types.get(name);
  if (!type) return;
  document.querySelectorAll('#types button').forEach((button) => button.setAttribute('aria-current', String(button.dataset.type === name)));
  const rows = [];
  for (const field of type.fields ?? []) {
    const args = field.args.length ? ['(', field.args.flatMap((arg, index) => [index ? ', ' : '', `${arg.name}: `, typeLink(arg.type),
      arg.defaultValue !== null ? ` = ${arg.defaultValue}` : '']), ')'] : [];
    rows.push(el('dt', { 'data-field': field.name }, field.name, ...args, ': ', typeLink(field.type), deprecation(field)));
    if (field.description) rows.push(el('dd', {}, field.description));
  }
  for (const field of type.inputFields ?? []) {
    rows.push(el('dt', { 'data-field': field.name }, `${field.name}: `, typeLink(field.type), field.defaultValue !== null ? ` = ${field.defaultValue}` : '', deprecation(field)));
    if (field.description) rows.push(el('dd', {}, field.description));
  }
  for (const value of type.enumValues ?? []) {
    rows.push(el('dt', { 'data-field': value.name }, value.name, deprecation(value)));
    if (value.description) rows.push(el('dd', {}, value.description));
  }
  const related = [...(type.interfaces ?? []), ...(type.possibleTypes ?? [])].map((t) => t.name);
  $('type-details').replaceChildren(
    el('h3', { id: 'type-name' }, type.name, el('span', { class: 'kind' }, type.kind.toLowerCase().replace('_', ' '))),
    type.description ? el('p', {}, type.description) : null,
    related.length ? el('p', {}, type.kind === 'UNION' || type.kind === 'INTERFACE' ? 'Possible types: ' : 'Implements: ',
      related.flatMap((n, i) => [i ? ', ' : '', el('button', { type: 'button', class: 'link', onclick: () => showType(n) }, n)])) : null,
    el('dl', { id: 'type-fields' }, rows));
}

function listTypes() {
  const filter = $('type-filter').value.trim().toLowerCase();
  $('types').replaceChildren(...[...types.values()]
    .filter((type) => !type.name.startsWith('__') && type.name.toLowerCase().includes(filter))
    .map((type) => el('li', {}, el('button', { type: 'button', 'data-type': type.name, onclick: () => showType(type.name) },
      type.name, el('span', { class: 'kind' }, type.kind.toLowerCase().replace('_', ' '))))));
}

async function loadSchema() {
  status('Loading the schema…');
  try {
    const { body } = await post({ query: SCHEMA_QUERY });
    if (body.errors?.length) return status(`The schema could not be read: ${body.errors.map((e) => e.message).join(' ')}`, true);
    const schema = body.data.__schema;
    types = new Map(schema.types.map((type) => [type.name, type]));
    $('type-filter').disabled = false;
    listTypes();
    showType(schema.queryType.name);
    status(`${[...types.keys()].filter((n) => !n.startsWith('__')).length} types.`);
  } catch {
    status('The server cannot be reached.', true);
  }
}

async function run() {
  let variables;
  try {
    variables = JSON.parse($('variables').value.trim() || '{}');
  } catch {
    return status('The variables are not valid JSON.', true);
  }
  status('Running…');
  try {
    const operationName = $('operation-name').value.trim() || undefined;
    const { status: code, body } = await post({ query: $('query').value, variables, operationName });
    $('result').textContent = JSON.stringify(body, null, 2);
    status(body.errors?.length ? `HTTP ${code}: ${body.errors.length} error(s).` : `HTTP ${code}: done.`, Boolean(body.errors?.length));
  } catch {
    status('The server cannot be reached.', true);
  }
}

$('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const key = $('api-key').value.trim();
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  loadSchema();
});
$('type-filter').addEventListener('input', listTypes);
$('run').addEventListener('click', run);
if (sessionStorage.getItem(KEY_STORAGE)) loadSchema();
else status('Enter an API key to load the schema.');
