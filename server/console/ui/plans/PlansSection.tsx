export function PlansSection() { return null; }
