// Stripe's official Node library (stripe@23.1.0), unchanged but for host, port and protocol,
// against a running Konbini sandbox: node conformance.mjs http://127.0.0.1:PORT
// Prints one line per check and a final "N passed, N failed" line; exits non-zero on failure.
import Stripe from 'stripe';
import assert from 'node:assert/strict';

const base = new URL(process.argv[2]);
const stripe = new Stripe('sk_test_stripe_node_conformance', {
  host: base.hostname, port: Number(base.port), protocol: 'http', maxNetworkRetries: 2,
});
const helperBase = `${base.origin}/v1/test_helpers/sandbox`;
async function helper(path, form = {}) {
  const response = await fetch(`${helperBase}/${path}`, {
    method: 'POST',
    headers: {Authorization: 'Bearer sk_test_stripe_node_conformance', 'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams(form),
  });
  return response.json();
}

let passed = 0;
let failed = 0;
async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`PASS ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${error.stack ?? error}`);
  }
}

const customer = {type: 'konbini', billing_details: {name: '山田 花子', email: 'hanako@test.com'}};

await helper('clock', {frozen: 'true'});

await check('create and confirm in two steps', async () => {
  const created = await stripe.paymentIntents.create({
    amount: 1500, currency: 'jpy', payment_method_types: ['konbini'],
    payment_method_options: {konbini: {product_description: 'お弁当', expires_after_days: 3}},
    metadata: {store: 'shibuya', terminal: 'till-1', order_ref: 'A-1'},
  });
  assert.equal(created.object, 'payment_intent');
  assert.equal(created.status, 'requires_payment_method');
  assert.match(created.lastResponse.requestId, /^req_/);
  const confirmed = await stripe.paymentIntents.confirm(created.id, {
    payment_method_data: customer,
    payment_method_options: {konbini: {confirmation_number: '09012345678'}},
  });
  assert.equal(confirmed.status, 'requires_action');
  const details = confirmed.next_action.konbini_display_details;
  for (const chain of ['familymart', 'lawson', 'ministop', 'seicomart']) {
    assert.ok(details.stores[chain].payment_code);
    assert.equal(details.stores[chain].confirmation_number, '09012345678');
  }
  const page = await fetch(details.hosted_voucher_url);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /09012345678/);
  await helper('clock', {advance_seconds: '180'});
  const paid = await stripe.paymentIntents.retrieve(created.id, {expand: ['latest_charge']});
  assert.equal(paid.status, 'succeeded');
  assert.equal(paid.latest_charge.object, 'charge');
});

await check('create with confirm=true', async () => {
  const pi = await stripe.paymentIntents.create({
    amount: 2000, currency: 'jpy', payment_method_types: ['konbini'], confirm: true, payment_method_data: customer,
  });
  assert.equal(pi.status, 'requires_action');
});

await check('each scenario of KONBINI_API.md §5', async () => {
  const expected = {
    'hanako@test.com': 'requires_action',
    'hanako+succeed_immediately@test.com': 'succeeded',
    'hanako+expire_immediately@test.com': 'requires_action',
    'hanako+expire_with_delay@test.com': 'requires_action',
    'hanako+fill_never@test.com': 'requires_action',
  };
  for (const [email, status] of Object.entries(expected)) {
    const pi = await stripe.paymentIntents.create({
      amount: 1200, currency: 'jpy', payment_method_types: ['konbini'], confirm: true,
      payment_method_data: {type: 'konbini', billing_details: {name: 'Taro', email}},
    });
    assert.equal((await stripe.paymentIntents.retrieve(pi.id)).status, status, email);
  }
});

await check('update, cancel, list with auto-pagination, search', async () => {
  const pi = await stripe.paymentIntents.create({amount: 1500, currency: 'jpy', payment_method_types: ['konbini']});
  const updated = await stripe.paymentIntents.update(pi.id, {metadata: {note: 'gift'}});
  assert.equal(updated.metadata.note, 'gift');
  const canceled = await stripe.paymentIntents.cancel(pi.id, {cancellation_reason: 'abandoned'});
  assert.equal(canceled.status, 'canceled');
  let count = 0;
  for await (const item of stripe.paymentIntents.list({limit: 2})) {
    assert.equal(item.object, 'payment_intent');
    count++;
  }
  assert.ok(count >= 8, `listed ${count}`);
  const found = await stripe.paymentIntents.search({query: "metadata['terminal']:'till-1'"});
  assert.equal(found.object, 'search_result');
  assert.equal(found.data.length, 1);
});

await check('refund lifecycle', async () => {
  const pi = await stripe.paymentIntents.create({
    amount: 3000, currency: 'jpy', payment_method_types: ['konbini'], confirm: true,
    payment_method_data: {type: 'konbini', billing_details: {name: 'Taro', email: 'taro+succeed_immediately@test.com'}},
  });
  await stripe.paymentIntents.retrieve(pi.id);
  const refund = await stripe.refunds.create({payment_intent: pi.id, amount: 1000, reason: 'requested_by_customer'});
  assert.equal(refund.status, 'requires_action');
  assert.equal(refund.next_action.display_details.email_sent.email_sent_to, 'taro+succeed_immediately@test.com');
  assert.equal((await stripe.refunds.retrieve(refund.id)).amount, 1000);
  assert.equal((await stripe.refunds.list({payment_intent: pi.id})).data.length, 1);
  assert.equal((await stripe.refunds.cancel(refund.id)).status, 'canceled');
  const second = await stripe.refunds.create({payment_intent: pi.id});
  const expired = await stripe.testHelpers.refunds.expire(second.id);
  assert.equal(expired.status, 'failed');
});

await check('events list and retrieve', async () => {
  const events = await stripe.events.list({type: 'payment_intent.*', limit: 5});
  assert.equal(events.data.length, 5);
  assert.ok(events.has_more);
  const event = await stripe.events.retrieve(events.data[0].id);
  assert.equal(event.id, events.data[0].id);
  const refunds = await stripe.events.list({types: ['refund.created', 'refund.failed']});
  assert.equal(refunds.data.length, 3);
});

await check('errors map to the library\'s error classes', async () => {
  await assert.rejects(
    stripe.paymentIntents.create({amount: 100, currency: 'jpy', payment_method_types: ['konbini']}),
    (error) => error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'amount_too_small' && error.param === 'amount');
  await assert.rejects(stripe.paymentIntents.retrieve('pi_missing'),
    (error) => error.statusCode === 404 && error.code === 'resource_missing');
  const pi = await stripe.paymentIntents.create({amount: 1500, currency: 'jpy', payment_method_types: ['konbini']});
  await assert.rejects(
    stripe.paymentIntents.confirm(pi.id, {payment_method_data: customer,
      payment_method_options: {konbini: {confirmation_number: '01234567890'}}}),
    (error) => error.code === 'payment_intent_konbini_rejected_confirmation_number');
  await stripe.paymentIntents.create({amount: 1500, currency: 'jpy', payment_method_types: ['konbini']}, {idempotencyKey: 'node-1'});
  await assert.rejects(
    stripe.paymentIntents.create({amount: 1600, currency: 'jpy', payment_method_types: ['konbini']}, {idempotencyKey: 'node-1'}),
    (error) => error instanceof Stripe.errors.StripeIdempotencyError);
  const live = new Stripe('sk_live_not_accepted', {host: base.hostname, port: Number(base.port), protocol: 'http'});
  await assert.rejects(live.paymentIntents.list(), (error) => error instanceof Stripe.errors.StripeAuthenticationError);
});

await check('injected faults reach the library as Stripe errors', async () => {
  const before = (await stripe.paymentIntents.list({limit: 100})).data.length;
  const create = (fault) => stripe.paymentIntents.create(
    {amount: 1500, currency: 'jpy', payment_method_types: ['konbini']},
    {headers: {'X-Sandbox-Fault': fault}, maxNetworkRetries: 1});
  await assert.rejects(create('503'), (error) => error instanceof Stripe.errors.StripeAPIError && error.statusCode === 503);
  await assert.rejects(create('konbini_rate_limit'),
    (error) => error instanceof Stripe.errors.StripeRateLimitError && error.code === 'payment_method_rate_limit_exceeded');
  await assert.rejects(create('not_available'), (error) => error.code === 'payment_method_not_available');
  await assert.rejects(create('drop_before'), (error) => error instanceof Stripe.errors.StripeConnectionError);
  assert.equal((await stripe.paymentIntents.list({limit: 100})).data.length, before);
});

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
