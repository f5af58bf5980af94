<!-- include start from isis/ldp-igp-sync.xml.i -->
<node name="ldp-sync">
  <properties>
    <help>Protocol wide LDP-IGP synchronization configuration</help>
  </properties>
  <children>
    #include <include/isis/ldp-sync-holddown.xml.i>
  </children>
</node>
<!-- include end -->
