// One round of konbini-bench-client for Stripe's official Node library (not a test): the same
// sequential create + confirm pair as the other clients, after a warm-up, against the sandbox.
//   node stripe-node-round.mjs NODE_MODULES_DIR BASE_URL VOUCHERS
// Prints "stripe-node US_PER_VOUCHER FAILURES".
import {createRequire} from 'node:module';

const [modules, baseUrl, vouchersText] = process.argv.slice(2);
const Stripe = createRequire(`${modules}/`)('stripe');
const base = new URL(baseUrl);
const stripe = new Stripe('sk_test_benchmark', {
  host: base.hostname, port: Number(base.port), protocol: 'http', maxNetworkRetries: 0,
});
let failures = 0;

async function voucher() {
  try {
    const created = await stripe.paymentIntents.create({
      amount: 1500, currency: 'jpy', payment_method_types: ['konbini'],
      payment_method_options: {konbini: {product_description: 'お弁当'}},
    }, {idempotencyKey: `node-${process.hrtime.bigint()}`});
    await stripe.paymentIntents.confirm(created.id, {
      payment_method_data: {
        type: 'konbini',
        billing_details: {name: '山田 花子', email: 'hanako+fill_never@test.com'},
      },
      payment_method_options: {konbini: {confirmation_number: '09012345678'}},
    }, {idempotencyKey: `node-${process.hrtime.bigint()}`});
  } catch (error) {
    failures++;
  }
}

for (let i = 0; i < 50; i++) // warm-up: the JIT, the agent's connection
  await voucher();
failures = 0;
const vouchers = Number(vouchersText);
const start = process.hrtime.bigint();
for (let i = 0; i < vouchers; i++)
  await voucher();
const micros = Number(process.hrtime.bigint() - start) / 1000 / vouchers;
console.log(`stripe-node ${micros.toFixed(1)} ${failures}`);
