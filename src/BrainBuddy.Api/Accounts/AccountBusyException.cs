namespace BrainBuddy.Api.Accounts;

/// <summary>
/// Other instances changed the account on every attempt of a change. Answered 409 so the client retries; within one
/// instance <see cref="AccountLocks"/> queues changes, so only several instances at once can cause it.
/// </summary>
public sealed class AccountBusyException() : Exception("The account changed during every attempt of this request; try again.");
