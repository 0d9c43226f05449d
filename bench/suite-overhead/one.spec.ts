import { expect, test } from '@playwright/test'

test('trivial', () => {
  expect(1 + 1).toBe(2)
})
