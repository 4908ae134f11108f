using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Hotline.Domain.Persistence;

namespace Hotline.Domain.Users;

/// <summary>
/// A person who signs in: operator, dispatcher, a handling unit's user, callback agent, supervisor, leader or
/// administrator. Integrators use API keys instead.
/// </summary>
public sealed class UserAccount
{
    /// <summary>The login name; the key.</summary>
    public string UserName { get; set; } = "";

    /// <summary>The name shown in timelines (张敏).</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The password hash (<see cref="PasswordHasher"/>); never the password.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>The account's roles (<see cref="HotlineRoles"/>).</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The unit of a handling unit's user (required with the <see cref="HotlineRoles.Unit"/> role).</summary>
    public string? UnitCode { get; set; }

    /// <summary>
    /// The district of the sub-centre (分中心) the person works at, a six-digit district code: they see and act on that
    /// district's cases only. Null for the city centre's staff, who see every district, and for unit users, whose unit
    /// decides what they see.
    /// </summary>
    public string? DistrictCode { get; set; }

    /// <summary>Where notices for the person's roles are e-mailed (督办员, 领导 …); null for none.</summary>
    public string? Email { get; set; }

    /// <summary>Where notices for the person's roles are sent as text messages; null for none.</summary>
    public string? Mobile { get; set; }

    /// <summary>Whether the account may sign in; false when an administrator disabled it (its sessions stop working too).</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Whether the password is a temporary one an administrator set: sign-in is refused until the user changes it.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Wrong passwords given since the last successful sign-in or lock-out.</summary>
    public int FailedSignInAttempts { get; set; }

    /// <summary>Until when sign-in is refused after too many wrong passwords (UTC); null when not locked.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Raised by every change an administrator or the user makes; a change sent with an older version is refused.</summary>
    public int Version { get; set; } = 1;

    /// <summary>When the account was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A signed-in session: the SHA-256 of a bearer token (the token itself is never stored).</summary>
public sealed class AccessToken
{
    /// <summary>Hex SHA-256 of the token; the key.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>Whose session.</summary>
    public string UserName { get; set; } = "";

    /// <summary>When it was issued (UTC).</summary>
    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>When it stops working (UTC).</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the user signed out (UTC), if they did.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>
    /// A browser session's idle end (UTC): it stops working then unless the person does something first
    /// (<see cref="UserService.KeepAliveAsync"/>); null for API tokens.
    /// </summary>
    public DateTimeOffset? IdleExpiresAt { get; set; }
}

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.ToTable("UserAccounts");
        builder.HasKey(u => u.UserName);
        builder.Property(u => u.UserName).HasMaxLength(64);
        builder.Property(u => u.DisplayName).HasMaxLength(64).IsRequired();
        builder.Property(u => u.PasswordHash).HasMaxLength(200).IsRequired();
        builder.Property(u => u.Roles).HasJsonListConversion();
        builder.Property(u => u.UnitCode).HasMaxLength(32);
        builder.Property(u => u.DistrictCode).HasMaxLength(6);
        builder.Property(u => u.Email).HasMaxLength(256);
        builder.Property(u => u.Mobile).HasMaxLength(20);
        builder.Property(u => u.Version).IsConcurrencyToken();
    }
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> builder)
    {
        builder.ToTable("AccessTokens");
        builder.HasKey(t => t.TokenHash);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.UserName).HasMaxLength(64).IsRequired();
        builder.HasIndex(t => t.UserName);
        builder.HasIndex(t => t.ExpiresAt);
    }
}
