/* hl-hop-item.c: one hop of a route, as an item of a GListModel
 *
 * The window lists a route's hops through a GListStore of these, bound to its
 * GtkListBox; the item also knows how many hops the route has, so that a row
 * can say "hop 2 of 5" on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-hop-item.h"

struct _HlHopItem
{
  GObject parent_instance;

  HlReceived *hop;
  guint n_hops;
};

enum {
  PROP_0,
  PROP_HOP,
  PROP_N_HOPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HlHopItem, hl_hop_item, G_TYPE_OBJECT)

static void
hl_hop_item_finalize (GObject *object)
{
  HlHopItem *self = HL_HOP_ITEM (object);

  g_clear_pointer (&self->hop, hl_received_unref);

  G_OBJECT_CLASS (hl_hop_item_parent_class)->finalize (object);
}

static void
hl_hop_item_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HlHopItem *self = HL_HOP_ITEM (object);

  switch (prop_id)
    {
    case PROP_HOP:
      g_value_set_boxed (value, self->hop);
      break;
    case PROP_N_HOPS:
      g_value_set_uint (value, self->n_hops);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_hop_item_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HlHopItem *self = HL_HOP_ITEM (object);

  switch (prop_id)
    {
    case PROP_HOP:
      self->hop = g_value_dup_boxed (value);
      break;
    case PROP_N_HOPS:
      self->n_hops = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_hop_item_class_init (HlHopItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hl_hop_item_finalize;
  object_class->get_property = hl_hop_item_get_property;
  object_class->set_property = hl_hop_item_set_property;

  properties[PROP_HOP] =
    g_param_spec_boxed ("hop", NULL, NULL,
                        HL_TYPE_RECEIVED,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_HOPS] =
    g_param_spec_uint ("n-hops", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hl_hop_item_init (HlHopItem *self)
{
}

/**
 * hl_hop_item_new:
 * @hop: a hop
 * @n_hops: how many hops its route has
 *
 * Returns: (transfer full): the item
 */
HlHopItem *
hl_hop_item_new (HlReceived *hop,
                 guint       n_hops)
{
  g_return_val_if_fail (hop != NULL, NULL);

  return g_object_new (HL_TYPE_HOP_ITEM,
                       "hop", hop,
                       "n-hops", n_hops,
                       NULL);
}

/* (transfer none) */
HlReceived *
hl_hop_item_get_hop (HlHopItem *self)
{
  g_return_val_if_fail (HL_IS_HOP_ITEM (self), NULL);
  return self->hop;
}

guint
hl_hop_item_get_n_hops (HlHopItem *self)
{
  g_return_val_if_fail (HL_IS_HOP_ITEM (self), 0);
  return self->n_hops;
}
