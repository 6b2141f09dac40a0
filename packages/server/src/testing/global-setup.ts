// Placeholder: replaced by the database snapshot setup.
export default function setup(): void {}
