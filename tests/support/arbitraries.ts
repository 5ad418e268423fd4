import fc from 'fast-check';

/** Numbers spread evenly in log10 between `min` and `max`, as scaling quantities are. */
export function logUniform(min: number, max: number): fc.Arbitrary<number> {
  return fc
    .double({ min: Math.log10(min), max: Math.log10(max), noNaN: true, noDefaultInfinity: true })
    .map((exponent) => 10 ** exponent);
}

/**
 * A number a scenario field might hold: mostly plausible (log-uniform in [min, max]), sometimes at
 * the edges of what validation lets through (tiny, huge, zero, exactly one).
 */
function fieldNumber(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    // Rare enough that, over a file's ~20 numbers, most files stay within the field limits and solve.
    { weight: 40, arbitrary: logUniform(min, max) },
    { weight: 1, arbitrary: fc.constantFrom(0, 1, 1e-300, 5e-324, 1e300, 1.7e308) },
  );
}

/** A fraction in (0, 1] or just outside it. */
function fieldFraction(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.double({ min: 0.01, max: 1, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(0, 1, 1e-300, 0.999999, 1.5) },
  );
}

const LAW_PRESET_IDS = [
  'sardana2024',
  'hoffmann2022',
  'hoffmann2022-unrounded',
  'besiroglu2024',
  'muennighoff2023',
  'sardana2024-mpt',
  'kaplan2020',
] as const;
const GPU_IDS = ['A100-40GB', 'A100-80GB', 'H100-SXM', 'H200-SXM', 'B200', 'MI300X'] as const;

const law = fc.oneof(
  fc.record({ preset: fc.constantFrom(...LAW_PRESET_IDS) }),
  fc.record({
    form: fc.constant('chinchilla'),
    E: fc.oneof(fc.constant(0), fieldNumber(0.5, 3)),
    A: fieldNumber(10, 1e4),
    B: fieldNumber(10, 1e5),
    alpha: fieldNumber(0.05, 1),
    beta: fieldNumber(0.05, 1),
  }),
  fc.record({
    form: fc.constant('kaplan'),
    alphaN: fieldNumber(0.02, 0.5),
    alphaD: fieldNumber(0.02, 0.5),
    Nc: fieldNumber(1e10, 1e15),
    Dc: fieldNumber(1e10, 1e15),
  }),
);

const target = fc.oneof(
  fc.record({ loss: fieldNumber(1, 4) }),
  fc.record({ model: fc.record({ params: fieldNumber(1e6, 1e13), tokens: fieldNumber(1e8, 1e15) }) }),
  fc.record({ computeOptimalFlops: fieldNumber(1e15, 1e28) }),
  fc.record({ computeOptimalParams: fieldNumber(1e6, 1e13) }),
);

const demand = fc.oneof(
  fc.record({ inputTokens: fieldNumber(1e6, 1e17), outputTokens: fieldNumber(1e6, 1e17) }),
  fc.record({
    requests: fieldNumber(1, 1e13),
    inputTokensPerRequest: fieldNumber(1, 1e5),
    outputTokensPerRequest: fieldNumber(1, 1e5),
  }),
  fc.record({
    requestsPerDay: fieldNumber(1, 1e10),
    days: fieldNumber(1, 1e4),
    inputTokensPerRequest: fieldNumber(1, 1e5),
    outputTokensPerRequest: fieldNumber(1, 1e5),
  }),
);

const accelerator = fc.oneof(
  fc.record(
    {
      gpu: fc.constantFrom(...GPU_IDS),
      dtype: fc.constantFrom('bf16', 'fp8', 'int8'),
      memoryGB: fieldNumber(8, 1000),
      bandwidthTBs: fieldNumber(0.5, 20),
      boardPowerW: fieldNumber(100, 2000),
    },
    { requiredKeys: ['gpu'] },
  ),
  fc.record({ peakFlops: fieldNumber(1e12, 1e17) }),
);

const training = fc
  .tuple(
    accelerator,
    fc.record(
      { pricePerHour: fieldNumber(0.1, 20), mfu: fieldFraction(), clusterGpus: fieldNumber(1, 1e6) },
      { requiredKeys: [] },
    ),
  )
  .map(([hardware, rest]) => ({ ...hardware, ...rest }));

const decode = fc.oneof(
  fc.record({ model: fc.constant('mfu') }),
  fc.record(
    {
      model: fc.constant('roofline'),
      batch: fieldNumber(1, 1e4),
      bandwidthEfficiency: fieldFraction(),
      contextTokens: fieldNumber(1, 1e7),
      shape: fc.record(
        { aspectRatio: fieldNumber(1, 1000), headDim: fieldNumber(1, 1000), kvHeads: fieldNumber(1, 1000) },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['model'] },
  ),
);

const inference = fc
  .tuple(
    accelerator,
    fc.record(
      { pricePerHour: fieldNumber(0.1, 20), prefillMfu: fieldFraction(), decodeMfu: fieldFraction(), decode },
      { requiredKeys: [] },
    ),
  )
  .map(([hardware, rest]) => ({ ...hardware, ...rest }));

const budget = {
  kMax: fieldNumber(1, 1e6),
  integerSamples: fc.boolean(),
  prefixCaching: fc.boolean(),
  verifierCostPerSample: fc.oneof(fc.constant(0), fieldNumber(1e6, 1e15)),
};

const testTime = fc.oneof(
  fc.record(
    {
      model: fc.constant('exchange'),
      taskClass: fc.constantFrom('easy', 'general', 'sequential', 'custom'),
      gamma: fieldNumber(0.1, 10),
      spanOom: fc.oneof(fc.constant(0), fieldNumber(0.1, 5)),
      ...budget,
    },
    { requiredKeys: ['model'] },
  ),
  fc.record(
    {
      model: fc.constant('accuracy'),
      targetAccuracy: fieldFraction(),
      p1: fc.oneof(
        fc.record({ value: fieldFraction() }),
        fc.record(
          {
            epsilon: fieldFraction(),
            k: fieldNumber(0.1, 1000),
            gamma: fieldNumber(0.1, 10),
            lossRange: fc.tuple(fieldNumber(1, 3), fieldNumber(1, 5)),
            minLift: fieldFraction(),
          },
          { requiredKeys: ['epsilon', 'k', 'gamma'] },
        ),
      ),
      selection: fc.constantFrom('verifier', 'imperfect-verifier', 'majority'),
      coverageExponent: fieldNumber(0.05, 2),
      falsePassRate: fc.double({ min: 0, max: 0.99, noNaN: true }),
      ...budget,
    },
    { requiredKeys: ['model', 'targetAccuracy', 'p1'] },
  ),
);

/**
 * Scenario files as people and programs write them: every section optional except the target and
 * demand, values mostly plausible and sometimes extreme. Many are invalid; what matters is that
 * every host answers them the same way.
 */
export const scenarioFile: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    law,
    target,
    demand,
    objective: fc.constantFrom('flops', 'cost'),
    training,
    inference,
    baselines: fc.array(fc.oneof(fieldNumber(1, 1e5), fc.constant('kaplan2020')), { maxLength: 4 }),
    testTime,
    energy: fc.record(
      { gpuWatts: fieldNumber(50, 2000), pue: fieldNumber(1, 3), gridKgCo2PerKwh: fieldNumber(0.01, 1) },
      { requiredKeys: [] },
    ),
    data: fc.record({ uniqueTokens: fieldNumber(1e8, 1e15) }),
  },
  { requiredKeys: ['target', 'demand'] },
);
